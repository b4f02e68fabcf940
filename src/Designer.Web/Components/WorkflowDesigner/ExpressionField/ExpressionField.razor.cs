using Designer.Workflows.Expressions;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>An expression input with the sandbox's own syntax check, shown as the author types.</summary>
public sealed partial class ExpressionField : ComponentBase
{
    /// <summary>The expression text as the author typed it.</summary>
    [Parameter]
    public string? Value { get; set; }

    /// <summary>Raised with the text after each edit.</summary>
    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    /// <summary>Field label, also the key under which a syntax problem is reported.</summary>
    [Parameter]
    public string Label { get; set; } = "Expression";

    /// <summary>Whether the field only shows the expression.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The <c>data-testid</c> of the input, for browser and bUnit tests.</summary>
    [Parameter]
    public string? TestId { get; set; }

    private string? SyntaxError =>
        string.IsNullOrWhiteSpace(Value) || ExpressionSyntax.TryParse(Value, out _) ? null : Error(Value);

    private static string? Error(string value)
    {
        _ = ExpressionSyntax.TryParse(value, out var error);
        return error;
    }
}
