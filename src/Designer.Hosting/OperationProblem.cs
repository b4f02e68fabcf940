namespace Designer.Hosting;

/// <summary>One problem with an operation's input; a refusal lists every problem found, not just the first.</summary>
/// <param name="Code">A stable dotted code, e.g. <c>collection.name</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="NodeId">The workflow node the problem belongs to, when there is one.</param>
/// <param name="EdgeId">The workflow edge the problem belongs to, when there is one.</param>
/// <param name="Field">The field (JSON path or setting) at fault, when known.</param>
public sealed record OperationProblem(
    string Code,
    string Message,
    string? NodeId = null,
    string? EdgeId = null,
    string? Field = null);
