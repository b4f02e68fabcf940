using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Expressions;

/// <summary>
/// What a node's expressions can read when it runs: <c>input.*</c> from the start node's input schema,
/// <c>nodes.&lt;id&gt;.*</c> for the nodes upstream of it (with the outputs each kind writes), and <c>run.id</c> /
/// <c>run.attempt</c>. The validator checks template references against it and the prompt editor completes from it,
/// so both agree on what exists.
/// </summary>
public sealed class VariableCatalogue
{
    /// <summary>Identifiers the sandbox provides besides the run variables.</summary>
    public static readonly IReadOnlySet<string> Globals = new HashSet<string>(StringComparer.Ordinal)
    {
        "undefined", "NaN", "Infinity", "Math", "JSON", "String", "Number", "Boolean", "Array", "Object", "Date",
        "RegExp", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURIComponent", "decodeURIComponent",
    };

    /// <summary>The run variables' top-level names.</summary>
    public static readonly IReadOnlyList<string> Roots = ["input", "nodes", "run"];

    /// <summary>What an expression may read under <c>run</c>: the run's id and its attempt number.</summary>
    public static readonly IReadOnlyList<string> RunFields = ["id", "attempt"];

    // What each executor writes as the node's output (see Designer.Runtime Executors); a chat model node adds the
    // properties of its output schema under "output".
    private static readonly Dictionary<string, string[]> OutputsByKind = new(StringComparer.Ordinal)
    {
        [NodeKinds.Start] = [],
        [NodeKinds.Retrieval] = ["query", "count", "hits"],
        [NodeKinds.Model] = ["model", "version", "provider", "label", "confidence", "score", "scores", "latencyMs", "cost", "degraded", "slo", "error"],
        [NodeKinds.Policy] = ["verdict", "decidedBy", "redacted"],
        [NodeKinds.HumanGate] = ["decision", "actor", "comment", "fields", "correction"],
        [NodeKinds.Condition] = ["port"],
    };

    private static readonly string[] ChatOutputs = ["model", "output", "text", "confidence", "llm", "degraded", "failed", "reason"];

    private readonly Dictionary<string, NodeDefinition> _upstream;

    private VariableCatalogue(IReadOnlyList<string>? inputFields, Dictionary<string, NodeDefinition> upstream)
    {
        InputFields = inputFields;
        _upstream = upstream;
    }

    /// <summary>The start schema's property names; null when the start node declares no properties (any input).</summary>
    public IReadOnlyList<string>? InputFields { get; }

    /// <summary>Ids of the nodes that always or sometimes run before the node, in definition order.</summary>
    public IReadOnlyCollection<string> UpstreamNodes => _upstream.Keys;

    /// <summary>Builds the catalogue for one node of a definition.</summary>
    /// <param name="nodeId">The node whose expressions are checked or completed.</param>
    public static VariableCatalogue For(WorkflowDefinition definition, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var nodes = (definition.Nodes ?? []).Where(n => n is not null).GroupBy(n => n.Id ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var start = nodes.Values.FirstOrDefault(n => n.Kind == NodeKinds.Start);
        var properties = (start?.Config?["inputSchema"] as JsonObject)?["properties"] as JsonObject;
        return new VariableCatalogue(properties?.Select(p => p.Key).ToList(), Ancestors(definition, nodes, nodeId));
    }

    /// <summary>The fields a node writes, or null when its output is not known statically.</summary>
    /// <param name="nodeId">An upstream node id.</param>
    /// <returns>Output field names.</returns>
    public IReadOnlyList<string>? OutputsOf(string nodeId)
    {
        if (!_upstream.TryGetValue(nodeId, out var node))
        {
            return null;
        }

        return IsChat(node) ? ChatOutputs : OutputsByKind.GetValueOrDefault(node.Kind);
    }

    /// <summary>The properties of a chat node's output schema (under <c>nodes.&lt;id&gt;.output</c>), or null.</summary>
    /// <param name="nodeId">An upstream node id.</param>
    /// <returns>Property names.</returns>
    public IReadOnlyList<string>? ChatOutputFields(string nodeId) =>
        _upstream.TryGetValue(nodeId, out var node) && IsChat(node) && (node.Config?["outputSchema"] as JsonObject)?["properties"] is JsonObject p
            ? [.. p.Select(x => x.Key)]
            : null;

    /// <summary>Every completable variable path, e.g. <c>input.amount</c>, <c>nodes.risk.score</c>, <c>run.id</c>.</summary>
    /// <returns>Dotted paths in a stable order.</returns>
    public IReadOnlyList<string> Paths()
    {
        var paths = new List<string>();
        paths.AddRange((InputFields ?? []).Select(f => "input." + f));
        foreach (var id in _upstream.Keys)
        {
            paths.Add("nodes." + id);
            foreach (var output in OutputsOf(id) ?? [])
            {
                paths.Add($"nodes.{id}.{output}");
                if (output == "output")
                {
                    paths.AddRange((ChatOutputFields(id) ?? []).Select(f => $"nodes.{id}.output.{f}"));
                }
            }
        }

        paths.AddRange(RunFields.Select(f => "run." + f));
        return paths;
    }

    /// <summary>Why a reference cannot be satisfied at run time, or null when it can.</summary>
    /// <param name="reference">A reference from <see cref="TemplateVariables.References"/>.</param>
    /// <returns>A sentence naming the unknown part.</returns>
    public string? Explain(VariableReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var path = reference.Path;
        switch (reference.Root)
        {
            case "input":
                return path.Count > 0 && InputFields is { } fields && !fields.Contains(path[0], StringComparer.Ordinal)
                    ? $"'input.{path[0]}' is not a field of the start node's input schema ({List(fields)})."
                    : null;
            case "run":
                return path.Count > 0 && !RunFields.Contains(path[0], StringComparer.Ordinal)
                    ? $"'run.{path[0]}' is not a run variable ({List(RunFields)})."
                    : null;
            case "nodes":
                return path.Count == 0 ? null : ExplainNode(path);
            default:
                return Globals.Contains(reference.Root)
                    ? null
                    : $"'{reference.Root}' is not a variable; use input.*, nodes.<id>.* or run.*.";
        }
    }

    private string? ExplainNode(IReadOnlyList<string> path)
    {
        if (!_upstream.ContainsKey(path[0]))
        {
            return _upstream.Count == 0
                ? $"'nodes.{path[0]}' is not upstream of this node; no node runs before it."
                : $"'nodes.{path[0]}' is not upstream of this node ({List(_upstream.Keys)}).";
        }

        if (path.Count > 1 && OutputsOf(path[0]) is { } outputs && !outputs.Contains(path[1], StringComparer.Ordinal))
        {
            return $"'nodes.{path[0]}.{path[1]}' is not an output of node '{path[0]}' ({List(outputs)}).";
        }

        return path.Count > 2 && path[1] == "output" && ChatOutputFields(path[0]) is { } fields && !fields.Contains(path[2], StringComparer.Ordinal)
            ? $"'nodes.{path[0]}.output.{path[2]}' is not in node '{path[0]}''s output schema ({List(fields)})."
            : null;
    }

    private static bool IsChat(NodeDefinition node) =>
        node.Kind == NodeKinds.Model && node.Config?["chatModel"] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s);

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(20)) + (list.Count > 20 ? ", …" : string.Empty);
    }

    private static Dictionary<string, NodeDefinition> Ancestors(
        WorkflowDefinition definition, Dictionary<string, NodeDefinition> nodes, string nodeId)
    {
        var previous = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var edge in (definition.Edges ?? []).Where(e => e?.From?.Node is not null && e.To?.Node is not null))
        {
            if (!previous.TryGetValue(edge.To.Node!, out var list))
            {
                previous[edge.To.Node!] = list = [];
            }

            list.Add(edge.From.Node!);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([nodeId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var before in previous.GetValueOrDefault(current) ?? [])
            {
                if (before != nodeId && seen.Add(before))
                {
                    queue.Enqueue(before);
                }
            }
        }

        // Definition order keeps completion lists stable while the author edits.
        return nodes.Where(n => seen.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
    }
}
