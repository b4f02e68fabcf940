using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Elsa;

/// <summary>
/// Converts definitions to and from Elsa 3 flowchart JSON. Activities are typed <c>Designer.&lt;Kind&gt;</c>
/// (e.g. <c>Designer.HumanGate</c>); the edge id travels as a connection <c>id</c> and the schema version in
/// <c>customProperties.designer</c>, so export then import reproduces the definition exactly.
/// </summary>
public sealed class ElsaFlowchartConverter
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };
    private readonly NodeKindCatalogue _catalogue;

    /// <summary>Creates a converter over <see cref="NodeKindCatalogue.Default"/>.</summary>
    public ElsaFlowchartConverter()
        : this(NodeKindCatalogue.Default)
    {
    }

    /// <summary>Creates a converter that imports only the kinds of <paramref name="catalogue"/>.</summary>
    /// <param name="catalogue">The known node kinds.</param>
    public ElsaFlowchartConverter(NodeKindCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
    }

    /// <summary>Exports a definition as an Elsa 3 workflow definition with a flowchart root.</summary>
    /// <param name="workflowId">Elsa workflow id; defaults to a slug of the name.</param>
    /// <returns>Indented Elsa JSON.</returns>
    public static string Export(WorkflowDefinition definition, string? workflowId = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var root = new JsonObject
        {
            ["id"] = workflowId ?? ElsaNames.Slug(definition.Name ?? string.Empty),
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["customProperties"] = new JsonObject
            {
                ["designer"] = new JsonObject { ["schemaVersion"] = definition.SchemaVersion },
            },
            ["root"] = new JsonObject
            {
                ["type"] = ElsaNames.FlowchartType,
                ["id"] = "flowchart1",
                ["activities"] = new JsonArray([.. (definition.Nodes ?? []).OfType<NodeDefinition>().Select(Activity)]),
                ["connections"] = new JsonArray([.. (definition.Edges ?? []).OfType<EdgeDefinition>().Select(Connection)]),
            },
        };
        return root.ToJsonString(WriteOptions);
    }

    /// <summary>
    /// Imports Elsa flowchart JSON. Activities that are not <c>Designer.*</c> catalogue kinds are skipped and
    /// reported by activity id, as are connections touching them. Never throws.
    /// </summary>
    /// <param name="elsaJson">The Elsa workflow definition JSON.</param>
    /// <returns>The definition (null when unreadable) and the problems.</returns>
    public ElsaImportResult Import(string? elsaJson) => new ElsaFlowchartReader(_catalogue).Read(elsaJson);

    private static JsonObject Activity(NodeDefinition node) => new()
    {
        ["id"] = node.Id,
        ["type"] = ElsaNames.ActivityType(node.Kind ?? string.Empty),
        ["version"] = 1,
        ["name"] = node.Name,
        ["metadata"] = new JsonObject
        {
            ["designer"] = new JsonObject
            {
                ["position"] = new JsonObject { ["x"] = node.Position?.X ?? 0, ["y"] = node.Position?.Y ?? 0 },
            },
            ["displayText"] = node.Name,
        },
        ["config"] = (node.Config ?? []).DeepClone(),
    };

    private static JsonObject Connection(EdgeDefinition edge) => new()
    {
        ["id"] = edge.Id,
        ["source"] = new JsonObject { ["activity"] = edge.From?.Node, ["port"] = edge.From?.Port },
        ["target"] = new JsonObject { ["activity"] = edge.To?.Node, ["port"] = ElsaNames.TargetPort },
    };
}
