using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Catalogue.Kinds;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Catalogue;

/// <summary>The node kinds the designer offers: the single source for validation, the API and the palette.</summary>
public sealed class NodeKindCatalogue
{
    private readonly Dictionary<string, NodeKindDescriptor> _byKind;

    /// <summary>Creates a catalogue over the given kinds.</summary>
    /// <param name="kinds">Descriptors with distinct <see cref="NodeKindDescriptor.Kind"/> values.</param>
    public NodeKindCatalogue(IEnumerable<NodeKindDescriptor> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        Kinds = [.. kinds];
        _byKind = Kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);
    }

    /// <summary>The built-in kinds: start, retrieval, model, policy, humanGate, condition, end, action.</summary>
    public static NodeKindCatalogue Default { get; } = new(
    [
        StartKind.Descriptor, RetrievalKind.Descriptor, ModelKind.Descriptor, PolicyKind.Descriptor,
        HumanGateKind.Descriptor, ConditionKind.Descriptor, EndKind.Descriptor, ActionKind.Descriptor,
    ]);

    /// <summary>All kinds in palette order.</summary>
    public IReadOnlyList<NodeKindDescriptor> Kinds { get; }

    /// <summary>Looks up a kind by id (case-sensitive).</summary>
    /// <param name="kind">The kind id.</param>
    /// <param name="descriptor">The descriptor when found.</param>
    /// <returns>True when the kind exists.</returns>
    public bool TryGet(string kind, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out NodeKindDescriptor descriptor)
    {
        if (kind is null)
        {
            descriptor = null;
            return false;
        }

        return _byKind.TryGetValue(kind, out descriptor);
    }

    /// <summary>
    /// The output port ids of a concrete node: the kind's static ports, or for a condition one port per case
    /// (or <c>true</c> for an expression) plus <c>else</c>. Unknown kinds have none. Never throws.
    /// </summary>
    /// <returns>Distinct port ids in declaration order.</returns>
    public IReadOnlyList<string> OutputPorts(NodeDefinition node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!TryGet(node.Kind, out var descriptor))
        {
            return [];
        }

        return descriptor.HasDynamicOutputPorts && node.Kind == NodeKinds.Condition
            ? ConditionPorts(node.Config)
            : [.. descriptor.OutputPorts.Select(p => p.Id)];
    }

    private static List<string> ConditionPorts(JsonObject? config)
    {
        NodeConfigReader.TryRead<ConditionConfig>(config, out var condition, out _, out _);
        var ports = new List<string>();
        if (condition?.Cases is { Count: > 0 } cases)
        {
            ports.AddRange(cases.Where(c => !string.IsNullOrEmpty(c?.Port)).Select(c => c.Port));
        }
        else
        {
            ports.Add(ConditionConfig.TruePort);
        }

        ports.Add(ConditionConfig.ElsePort);
        return [.. ports.Distinct(StringComparer.Ordinal)];
    }
}
