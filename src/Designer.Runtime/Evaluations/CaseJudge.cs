using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;

namespace Designer.Runtime.Evaluations;

/// <summary>
/// Decides whether a shadow result matches the expected outcome. An automated result matches when it reached the
/// expected End node and every expected output field is equal. An escalated result matches when the expected End
/// node is reachable from the gate it stopped at (the person would take it there; output fields are theirs to set).
/// A failed result never matches.
/// </summary>
public sealed class CaseJudge
{
    private readonly Dictionary<string, HashSet<string>> _reachable = new(StringComparer.Ordinal);

    /// <summary>Creates a judge for one definition (reachability is computed once per gate).</summary>
    /// <param name="definition">The definition the results came from.</param>
    public CaseJudge(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var next = definition.Edges.GroupBy(e => e.From.Node, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To.Node).ToList(), StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([node.Id]);
            while (stack.TryPop(out var id))
            {
                foreach (var target in next.GetValueOrDefault(id) ?? [])
                {
                    if (seen.Add(target))
                    {
                        stack.Push(target);
                    }
                }
            }

            _reachable[node.Id] = seen;
        }
    }

    /// <summary>Whether <paramref name="result"/> matches <paramref name="expected"/>.</summary>
    /// <returns>True when it matches.</returns>
    public bool Matches(ShadowResult result, ExpectedOutcome expected)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expected);
        switch (result.Outcome)
        {
            case ShadowOutcomes.Automated:
                if (expected.End is not null && !string.Equals(expected.End, result.EndNode, StringComparison.Ordinal))
                {
                    return false;
                }

                return expected.Output is null || expected.Output.All(f => JsonNode.DeepEquals(f.Value, result.Output?[f.Key]));
            case ShadowOutcomes.Escalated:
                return expected.End is not null && result.GateNode is not null
                    && _reachable.TryGetValue(result.GateNode, out var ends) && ends.Contains(expected.End);
            default:
                return false;
        }
    }
}
