using System.Text.Json;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Serialization;

/// <summary>Reads one edge; bad fields are reported and defaulted.</summary>
internal static class EdgeReader
{
    public static EdgeDefinition? Read(JsonElement element, string path, ReaderContext context)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Add(ProblemCodes.JsonType, $"'{path}' must be an object, not {ReaderContext.Describe(element)}.", path);
            return null;
        }

        var id = context.ReadId(element, "id", $"{path}.id");
        var edgeId = string.IsNullOrEmpty(id) ? null : id;
        context.CheckUniqueNames(element, path, edgeId: edgeId);
        return new EdgeDefinition
        {
            Id = id ?? string.Empty,
            From = ReadPort(element, "from", $"{path}.from", context, edgeId),
            To = ReadPort(element, "to", $"{path}.to", context, edgeId),
        };
    }

    private static PortRef ReadPort(JsonElement edge, string name, string path, ReaderContext context, string? edgeId)
    {
        if (!context.TryGetObject(edge, name, path, out var port, edgeId: edgeId))
        {
            return new PortRef(string.Empty, string.Empty);
        }

        return new PortRef(
            context.ReadString(port, "node", $"{path}.node", true, WorkflowLimits.MaxIdLength, edgeId: edgeId) ?? string.Empty,
            context.ReadString(port, "port", $"{path}.port", true, WorkflowLimits.MaxIdLength, edgeId: edgeId) ?? string.Empty);
    }
}
