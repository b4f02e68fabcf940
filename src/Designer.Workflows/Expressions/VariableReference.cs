namespace Designer.Workflows.Expressions;

/// <summary>
/// A variable an expression reads: its root identifier and the statically known property path after it
/// (<c>nodes.risk.score</c> → root <c>nodes</c>, path <c>[risk, score]</c>). The path stops at the first computed
/// member whose key is not a literal.
/// </summary>
/// <param name="Root">The free identifier, e.g. <c>input</c>.</param>
/// <param name="Path">Property names after the root.</param>
public sealed record VariableReference(string Root, IReadOnlyList<string> Path)
{
    /// <summary>The reference as dotted text, e.g. <c>input.amount</c>.</summary>
    public string Text => Path.Count == 0 ? Root : Root + "." + string.Join('.', Path);
}
