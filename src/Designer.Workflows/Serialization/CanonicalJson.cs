using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Serialization;

/// <summary>
/// The canonical form a content hash is taken over: object keys sorted ordinally at every level (config
/// included), nodes and edges sorted by id, no whitespace, integers as integers and other numbers in
/// shortest round-trip form; strings escape non-ASCII and HTML-sensitive characters as <c>\uXXXX</c> (the
/// System.Text.Json default encoder). Changing this output changes every stored hash, so golden tests pin it.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes the canonical JSON of a definition.</summary>
    /// <returns>Compact canonical JSON.</returns>
    public static string Serialize(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Write(writer =>
        {
            writer.WriteStartObject();
            if (definition.Description is not null)
            {
                writer.WriteString("description", definition.Description);
            }

            writer.WriteStartArray("edges");
            WriteSorted(writer, definition.Edges ?? [], e => e?.Id, WriteEdge);
            writer.WriteEndArray();
            writer.WriteString("name", definition.Name ?? string.Empty);
            writer.WriteStartArray("nodes");
            WriteSorted(writer, definition.Nodes ?? [], n => n?.Id, WriteNode);
            writer.WriteEndArray();
            writer.WriteNumber("schemaVersion", definition.SchemaVersion);
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes any JSON node canonically (sorted keys, normalised numbers).</summary>
    /// <param name="node">The node; null writes <c>null</c>.</param>
    /// <returns>Compact canonical JSON.</returns>
    public static string Serialize(JsonNode? node) => Write(writer => WriteValue(writer, node));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Items are written individually then sorted by (id, text) so duplicate ids still give an order-independent result.
    private static void WriteSorted<T>(Utf8JsonWriter writer, List<T> items, Func<T, string?> id, Action<Utf8JsonWriter, T> write)
    {
        var rendered = items
            .Where(item => item is not null)
            .Select(item => (Id: id(item) ?? string.Empty, Json: Write(w => write(w, item))))
            .OrderBy(x => x.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Json, StringComparer.Ordinal);
        foreach (var (_, json) in rendered)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, NodeDefinition node)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("config");
        WriteValue(writer, node.Config ?? []);
        writer.WriteString("id", node.Id ?? string.Empty);
        writer.WriteString("kind", node.Kind ?? string.Empty);
        writer.WriteString("name", node.Name ?? string.Empty);
        writer.WriteStartObject("position");
        writer.WriteNumber("x", node.Position?.X ?? 0);
        writer.WriteNumber("y", node.Position?.Y ?? 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEdge(Utf8JsonWriter writer, EdgeDefinition edge)
    {
        writer.WriteStartObject();
        WritePort(writer, "from", edge.From);
        writer.WriteString("id", edge.Id ?? string.Empty);
        WritePort(writer, "to", edge.To);
        writer.WriteEndObject();
    }

    private static void WritePort(Utf8JsonWriter writer, string name, PortRef? port)
    {
        writer.WriteStartObject(name);
        writer.WriteString("node", port?.Node ?? string.Empty);
        writer.WriteString("port", port?.Port ?? string.Empty);
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                CanonicalNumber.Write(writer, value.ToJsonString());
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
