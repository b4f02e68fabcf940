using Designer.Workflows.Definitions;
using Designer.Workflows.Expressions;

namespace Designer.Workflows.Validation.Rules;

/// <summary>Reports config problems for one node, with its id and the field filled in.</summary>
internal readonly struct NodeScope(ValidationContext context, NodeDefinition node)
{
    public ValidationContext Context => context;

    public string NodeId => node.Id;

    public void Required(string field, string? why = null) => context.Add(ProblemCodes.ConfigRequired,
        why ?? $"Config field '{field}' is required.", node.Id, field: field);

    public void Invalid(string field, string message) =>
        context.Add(ProblemCodes.ConfigInvalidValue, message, node.Id, field: field);

    public void OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            Invalid(field, $"'{field}' must be one of {string.Join(", ", allowed)}, not '{value}'.");
        }
    }

    public void Expression(string field, string? text)
    {
        if (!ExpressionSyntax.TryParse(text, out var error))
        {
            context.Add(ProblemCodes.ExpressionSyntax, $"Expression in '{field}' is invalid: {error}", node.Id,
                field: field);
        }
    }

    public void Template(string field, string? text)
    {
        if (text is not null && !TemplateSyntax.TryCheck(text, out var error))
        {
            context.Add(ProblemCodes.TemplateSyntax, $"Template in '{field}' is invalid: {error}", node.Id, field: field);
        }
    }
}
