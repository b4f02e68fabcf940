using System.Text;
using System.Text.Json;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Serialization;

/// <summary>
/// Reads the wire format by hand rather than with the serializer, so one pass can report every structural
/// problem (with node ids) instead of stopping at the first exception.
/// </summary>
internal static class WorkflowDocumentReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = WorkflowLimits.MaxDepth };

    public static WorkflowParseResult Read(string? json)
    {
        var context = new ReaderContext();
        if (string.IsNullOrWhiteSpace(json))
        {
            context.Add(ProblemCodes.JsonMalformed, "The document is empty.", "$");
            return new WorkflowParseResult(null, context.Problems);
        }

        if (json.Length > WorkflowLimits.MaxDocumentBytes || Encoding.UTF8.GetByteCount(json) > WorkflowLimits.MaxDocumentBytes)
        {
            context.Add(ProblemCodes.JsonLimit, $"The document is larger than {WorkflowLimits.MaxDocumentBytes} bytes.", "$");
            return new WorkflowParseResult(null, context.Problems);
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return new WorkflowParseResult(ReadRoot(document.RootElement, context), context.Problems);
        }
        catch (JsonException ex)
        {
            context.Add(ProblemCodes.JsonMalformed, ex.Message, "$");
        }
        catch (ArgumentException ex)
        {
            // Lone surrogates cannot be transcoded to UTF-8; the reader reports them as ArgumentException.
            context.Add(ProblemCodes.JsonMalformed, ex.Message, "$");
        }

        return new WorkflowParseResult(null, context.Problems);
    }

    private static WorkflowDefinition? ReadRoot(JsonElement root, ReaderContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Add(ProblemCodes.JsonType, $"The document must be an object, not {ReaderContext.Describe(root)}.", "$");
            return null;
        }

        context.CheckUniqueNames(root, "$");
        return new WorkflowDefinition
        {
            SchemaVersion = ReadSchemaVersion(root, context),
            Name = context.ReadString(root, "name", "name", true, WorkflowLimits.MaxNameLength) ?? string.Empty,
            Description = context.ReadString(root, "description", "description", false, WorkflowLimits.MaxStringLength),
            Nodes = ReadArray(root, "nodes", WorkflowLimits.MaxNodes, context, NodeReader.Read),
            Edges = ReadArray(root, "edges", WorkflowLimits.MaxEdges, context, EdgeReader.Read),
        };
    }

    private static int ReadSchemaVersion(JsonElement root, ReaderContext context)
    {
        if (!root.TryGetProperty("schemaVersion", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            context.Add(ProblemCodes.JsonRequired, "'schemaVersion' is required.", "schemaVersion");
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var version))
        {
            context.Add(ProblemCodes.JsonType, "'schemaVersion' must be an integer.", "schemaVersion");
            return 0;
        }

        return version;
    }

    private static List<T> ReadArray<T>(JsonElement root, string name, int max, ReaderContext context,
        Func<JsonElement, string, ReaderContext, T?> readItem)
        where T : class
    {
        var items = new List<T>();
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            context.Add(ProblemCodes.JsonRequired, $"'{name}' is required.", name);
            return items;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            context.Add(ProblemCodes.JsonType, $"'{name}' must be an array, not {ReaderContext.Describe(array)}.", name);
            return items;
        }

        if (array.GetArrayLength() > max)
        {
            context.Add(ProblemCodes.JsonLimit, $"'{name}' has more than {max} entries; the rest were ignored.", name);
        }

        var index = 0;
        foreach (var element in array.EnumerateArray().Take(max))
        {
            if (readItem(element, $"{name}[{index++}]", context) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }
}
