using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Serialization;

/// <summary>Reads one node; bad fields are reported and defaulted so the rest of the node is still checked.</summary>
internal static class NodeReader
{
    public static NodeDefinition? Read(JsonElement element, string path, ReaderContext context)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Add(ProblemCodes.JsonType, $"'{path}' must be an object, not {ReaderContext.Describe(element)}.", path);
            return null;
        }

        var id = context.ReadId(element, "id", $"{path}.id");
        var nodeId = string.IsNullOrEmpty(id) ? null : id;
        context.CheckUniqueNames(element, path, nodeId);
        return new NodeDefinition
        {
            Id = id ?? string.Empty,
            Kind = context.ReadString(element, "kind", $"{path}.kind", true, WorkflowLimits.MaxIdLength, nodeId) ?? string.Empty,
            Name = context.ReadString(element, "name", $"{path}.name", true, WorkflowLimits.MaxNameLength, nodeId) ?? string.Empty,
            Position = ReadPosition(element, $"{path}.position", context, nodeId),
            Config = ReadConfig(element, $"{path}.config", context, nodeId),
        };
    }

    private static NodePosition ReadPosition(JsonElement node, string path, ReaderContext context, string? nodeId)
    {
        if (!context.TryGetObject(node, "position", path, out var position, nodeId))
        {
            return new NodePosition(0, 0);
        }

        return new NodePosition(
            context.ReadNumber(position, "x", $"{path}.x", nodeId),
            context.ReadNumber(position, "y", $"{path}.y", nodeId));
    }

    // A missing or null config reads as empty: "no settings" is a legitimate state for end or humanGate nodes.
    private static JsonObject ReadConfig(JsonElement node, string path, ReaderContext context, string? nodeId)
    {
        if (!node.TryGetProperty("config", out var config) || config.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            context.Add(ProblemCodes.JsonType, $"'{path}' must be an object, not {ReaderContext.Describe(config)}.",
                path, nodeId);
            return [];
        }

        context.CheckStrings(config, path, nodeId);
        return (JsonObject)JsonElementCopy.ToNode(config)!;
    }
}
