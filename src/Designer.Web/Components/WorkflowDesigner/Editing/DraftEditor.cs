using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// The draft being edited: the C# model the canvas mirrors. Every change re-runs the same validator the API uses and
/// bumps <see cref="Revision"/>, so autosave knows what it has saved.
/// </summary>
internal sealed class DraftEditor(WorkflowValidator validator, NodeKindCatalogue catalogue)
{
    public WorkflowDefinition Definition { get; private set; } = new();

    public string ETag { get; private set; } = string.Empty;

    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];

    public int Revision { get; private set; }

    public int SavedRevision { get; private set; }

    public bool IsDirty => Revision != SavedRevision;

    public NodeKindCatalogue Catalogue => catalogue;

    public void Load(WorkflowDefinition definition, string etag)
    {
        Definition = definition;
        ETag = etag;
        Revision = SavedRevision = 0;
        Problems = validator.Validate(definition);
    }

    /// <summary>Replaces the content (import) but keeps the ETag, so the next save overwrites the draft it came from.</summary>
    public void Replace(WorkflowDefinition definition)
    {
        Definition = definition;
        Changed();
    }

    public void MarkSaved(int revision, string etag)
    {
        SavedRevision = revision;
        ETag = etag;
    }

    public NodeDefinition? Find(string id) => Definition.Nodes.Find(n => n.Id == id);

    /// <summary>Adds a node of <paramref name="kind"/> with the catalogue's defaults and a fresh id.</summary>
    public NodeDefinition? AddNode(string kind, double x, double y)
    {
        if (!catalogue.TryGet(kind, out var descriptor))
        {
            return null;
        }

        var config = new JsonObject();
        foreach (var field in descriptor.Fields.Where(f => f.Default is not null))
        {
            config[field.Name] = field.Default!.DeepClone();
        }

        var node = new NodeDefinition
        {
            Id = NewId(kind),
            Kind = kind,
            Name = descriptor.DisplayName,
            Position = new NodePosition(x, y),
            Config = config,
        };
        Definition.Nodes.Add(node);
        Changed();
        return node;
    }

    public void SetConfig(string id, JsonObject config)
    {
        if (Find(id) is { } node)
        {
            node.Config = config;
            Changed();
        }
    }

    public void Rename(string id, string name)
    {
        if (Find(id) is { } node && node.Name != name)
        {
            node.Name = name;
            Changed();
        }
    }

    /// <summary>Applies what a canvas gesture changed; returns whether the model changed.</summary>
    public bool Apply(GraphDelta delta)
    {
        var changed = GraphDeltaApplier.Apply(Definition, delta);
        if (changed)
        {
            Changed();
        }

        return changed;
    }

    public CanvasNode ToCanvas(NodeDefinition node) => new(
        node.Id, node.Kind, node.Name, node.Position.X, node.Position.Y, node.Config, NodeSummaries.For(node),
        catalogue.TryGet(node.Kind, out var d) ? [.. d.InputPorts.Select(p => p.Id)] : [],
        catalogue.OutputPorts(node));

    public CanvasDocument ToDocument(bool fit)
    {
        var (nodes, edges) = BadgeCounts();
        return new(
            [.. Definition.Nodes.Select(ToCanvas)],
            [.. Definition.Edges.Select(e => new CanvasEdge(e.Id, e.From, e.To))],
            fit,
            nodes,
            edges);
    }

    /// <summary>Problem counts per node and per edge, for the canvas badges.</summary>
    public (Dictionary<string, int> Nodes, Dictionary<string, int> Edges) BadgeCounts() =>
        (Problems.Where(p => p.NodeId is not null).GroupBy(p => p.NodeId!).ToDictionary(g => g.Key, g => g.Count()),
         Problems.Where(p => p.EdgeId is not null).GroupBy(p => p.EdgeId!).ToDictionary(g => g.Key, g => g.Count()));

    private void Changed()
    {
        Revision++;
        Problems = validator.Validate(Definition);
    }

    private string NewId(string kind)
    {
        var prefix = kind.ToLowerInvariant();
        var ids = Definition.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var n = Definition.Nodes.Count + 1;
        while (ids.Contains($"{prefix}-{n}"))
        {
            n++;
        }

        return $"{prefix}-{n}";
    }
}
