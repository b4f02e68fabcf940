using Acornima;
using Acornima.Ast;

namespace Designer.Workflows.Expressions;

/// <summary>
/// Reads which variables <c>{{ … }}</c> placeholders use, without running them, so the designer can flag a prompt
/// that reads a field no run will ever have before the model is called with an empty value.
/// </summary>
public static class TemplateVariables
{
    /// <summary>The expressions inside a template's placeholders, in order; malformed tails are skipped.</summary>
    /// <param name="template">Template text.</param>
    /// <returns>The trimmed expressions.</returns>
    public static IReadOnlyList<string> Placeholders(string? template)
    {
        var result = new List<string>();
        var position = 0;
        while (template is not null && position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var expression = template[(open + 2)..close].Trim();
            if (expression.Length > 0)
            {
                result.Add(expression);
            }

            position = close + 2;
        }

        return result;
    }

    /// <summary>The free variables an expression reads; empty when it does not parse (syntax is reported elsewhere).</summary>
    /// <param name="expression">A sandbox expression.</param>
    /// <returns>Each reference once, in order of appearance.</returns>
    public static IReadOnlyList<VariableReference> References(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!ExpressionSyntax.TryParse(expression, out _))
        {
            return [];
        }

        var root = new Parser().ParseExpression(expression);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        CollectBound(root, bound);
        var found = new List<VariableReference>();
        Walk(root, bound, found);
        return [.. found.DistinctBy(r => r.Text)];
    }

    // Arrow and function parameters (e.g. hits.map(h => h.text)) are local names, not run variables. Scoping is
    // flattened: a parameter name is treated as bound everywhere in the expression, which can only hide a problem.
    private static void CollectBound(Node node, HashSet<string> bound)
    {
        if (node is IFunction function)
        {
            foreach (var parameter in function.Params)
            {
                CollectPatternNames(parameter, bound);
            }
        }

        foreach (var child in node.ChildNodes)
        {
            CollectBound(child, bound);
        }
    }

    private static void CollectPatternNames(Node? pattern, HashSet<string> bound)
    {
        switch (pattern)
        {
            case Identifier id:
                bound.Add(id.Name);
                break;
            case null:
                break;
            default:
                foreach (var child in pattern.ChildNodes)
                {
                    CollectPatternNames(child, bound);
                }

                break;
        }
    }

    private static void Walk(Node node, HashSet<string> bound, List<VariableReference> found)
    {
        switch (node)
        {
            case MemberExpression member:
                WalkMember(member, bound, found);
                return;
            case Identifier id:
                if (!bound.Contains(id.Name))
                {
                    found.Add(new VariableReference(id.Name, []));
                }

                return;
            case Property { Computed: false } property when property.Key is Identifier:
                // { key: value } — the key is a name, not a variable; a shorthand { x } reads x.
                Walk(property.Value, bound, found);
                return;
            case IFunction:
                // Parameters are bound; only the body can read variables.
                Walk(((IFunction)node).Body, bound, found);
                return;
        }

        foreach (var child in node.ChildNodes)
        {
            Walk(child, bound, found);
        }
    }

    private static void WalkMember(MemberExpression member, HashSet<string> bound, List<VariableReference> found)
    {
        // Unwind a.b["c"][i].d down to its object; the path keeps the static names before the first dynamic key.
        var segments = new List<string?>();
        Node current = member;
        while (current is MemberExpression m)
        {
            var name = m.Computed ? (m.Property as StringLiteral)?.Value : (m.Property as Identifier)?.Name;
            segments.Add(name);
            if (name is null)
            {
                Walk(m.Property, bound, found);
            }

            current = m.Object;
        }

        if (current is not Identifier root)
        {
            Walk(current, bound, found);
            return;
        }

        if (bound.Contains(root.Name))
        {
            return;
        }

        segments.Reverse();
        var path = segments.TakeWhile(s => s is not null).Select(s => s!).ToList();
        found.Add(new VariableReference(root.Name, path));
    }
}
