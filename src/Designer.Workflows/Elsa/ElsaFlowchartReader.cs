using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Elsa;

/// <summary>Reads Elsa flowchart JSON leniently: whatever cannot be mapped is skipped and reported.</summary>
internal sealed class ElsaFlowchartReader(NodeKindCatalogue catalogue)
{
    private readonly List<ValidationProblem> _problems = [];

    public ElsaImportResult Read(string? json)
    {
        try
        {
            if (JsonNode.Parse(json ?? string.Empty) is not JsonObject root)
            {
                return Fail("The Elsa document must be a JSON object.");
            }

            return new ElsaImportResult(ReadRoot(root), _problems);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return Fail($"The Elsa document could not be read: {ex.Message}");
        }
    }

    private ElsaImportResult Fail(string message)
    {
        _problems.Add(new ValidationProblem(ProblemCodes.ElsaMalformed, message));
        return new ElsaImportResult(null, _problems);
    }

    private WorkflowDefinition ReadRoot(JsonObject root)
    {
        var flowchart = root["root"] as JsonObject;
        if (flowchart is null)
        {
            _problems.Add(new ValidationProblem(ProblemCodes.ElsaMalformed, "The document has no flowchart 'root'.",
                Field: "root"));
        }

        var nodes = ReadActivities(flowchart?["activities"] as JsonArray ?? []);
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return new WorkflowDefinition
        {
            SchemaVersion = Int(root["customProperties"]?["designer"]?["schemaVersion"]) ?? WorkflowDefinition.CurrentSchemaVersion,
            Name = Text(root["name"]) ?? string.Empty,
            Description = Text(root["description"]),
            Nodes = nodes,
            Edges = ReadConnections(flowchart?["connections"] as JsonArray ?? [], ids),
        };
    }

    private List<NodeDefinition> ReadActivities(JsonArray activities)
    {
        var nodes = new List<NodeDefinition>();
        foreach (var activity in activities.OfType<JsonObject>())
        {
            var id = Text(activity["id"]) ?? string.Empty;
            var type = Text(activity["type"]);
            var kind = ElsaNames.KindOf(type);
            if (kind is null || !catalogue.TryGet(kind, out _))
            {
                _problems.Add(new ValidationProblem(ProblemCodes.ElsaUnknownActivity,
                    $"Activity '{id}' has type '{type}', which is not a Designer node kind; it was skipped.", id));
                continue;
            }

            var position = activity["metadata"]?["designer"]?["position"];
            nodes.Add(new NodeDefinition
            {
                Id = id,
                Kind = kind,
                Name = Text(activity["name"]) ?? Text(activity["metadata"]?["displayText"]) ?? string.Empty,
                Position = new NodePosition(Number(position?["x"]), Number(position?["y"])),
                Config = activity["config"] is JsonObject config ? (JsonObject)config.DeepClone() : [],
            });
        }

        return nodes;
    }

    private List<EdgeDefinition> ReadConnections(JsonArray connections, HashSet<string> nodeIds)
    {
        var edges = new List<EdgeDefinition>();
        var edgeIds = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var connection in connections.OfType<JsonObject>())
        {
            index++;
            var source = Text(connection["source"]?["activity"]);
            var target = Text(connection["target"]?["activity"]);
            var id = Text(connection["id"]) ?? $"e{index}";
            if (source is null || target is null || !nodeIds.Contains(source) || !nodeIds.Contains(target))
            {
                _problems.Add(new ValidationProblem(ProblemCodes.ElsaDanglingConnection,
                    $"Connection '{id}' from '{source}' to '{target}' refers to a missing or skipped activity.",
                    EdgeId: id));
                continue;
            }

            while (!edgeIds.Add(id))
            {
                id = $"{id}-{index}";
            }

            var targetPort = Text(connection["target"]?["port"]);
            edges.Add(new EdgeDefinition
            {
                Id = id,
                From = new PortRef(source, Text(connection["source"]?["port"]) ?? string.Empty),
                To = new PortRef(target, targetPort is null || targetPort == ElsaNames.TargetPort ? NodeKinds.InputPort : targetPort),
            });
        }

        return edges;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<double>() is var d &&
        double.IsFinite(d) ? d : 0;

    private static int? Int(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var i) ? i : null;
}
