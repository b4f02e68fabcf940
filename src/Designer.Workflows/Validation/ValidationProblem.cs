namespace Designer.Workflows.Validation;

/// <summary>One problem found while parsing or validating a workflow; serialises to camelCase JSON.</summary>
/// <param name="Code">Stable dotted code from <see cref="ProblemCodes"/>.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="NodeId">The node the problem belongs to, when there is one.</param>
/// <param name="EdgeId">The edge the problem belongs to, when there is one.</param>
/// <param name="Field">The field (JSON path or config key) at fault, when known.</param>
public sealed record ValidationProblem(
    string Code,
    string Message,
    string? NodeId = null,
    string? EdgeId = null,
    string? Field = null);
