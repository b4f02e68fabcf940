using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// Converts payloads between JSON and Qdrant's gRPC <see cref="Value"/> map. The adapter reserves two keys to carry the
/// original id and text in each point. Integral JSON numbers travel as integers (Qdrant's integer match and index need
/// them), others as doubles.
/// </summary>
internal static class QdrantPayload
{
    public const string IdKey = "designer_id";
    public const string TextKey = "designer_text";

    public static void Write(JsonObject payload, MapField<string, Value> target)
    {
        foreach (var (key, node) in payload)
        {
            target[key] = ToValue(node);
        }
    }

    /// <summary>Reads a point's payload back as JSON (parsed, so numbers convert to any CLR numeric type like stored JSON does).</summary>
    public static JsonObject Read(MapField<string, Value> payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in payload)
            {
                writer.WritePropertyName(key);
                WriteJson(writer, value);
            }

            writer.WriteEndObject();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    private static Value ToValue(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new Value { NullValue = NullValue.NullValue };
            case JsonObject obj:
                var structValue = new Struct();
                Write(obj, structValue.Fields);
                return new Value { StructValue = structValue };
            case JsonArray array:
                var list = new ListValue();
                list.Values.AddRange(array.Select(ToValue));
                return new Value { ListValue = list };
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new Value { StringValue = value.GetValue<string>() };
            case JsonValueKind.True:
                return new Value { BoolValue = true };
            case JsonValueKind.False:
                return new Value { BoolValue = false };
            case JsonValueKind.Number:
                var text = value.ToJsonString();
                return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer)
                    ? new Value { IntegerValue = integer }
                    : new Value { DoubleValue = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) };
            default:
                return new Value { NullValue = NullValue.NullValue };
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.IntegerValue:
                writer.WriteNumberValue(value.IntegerValue);
                break;
            case Value.KindOneofCase.DoubleValue:
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                foreach (var item in value.ListValue.Values)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Value.KindOneofCase.StructValue:
                writer.WriteStartObject();
                foreach (var (key, item) in value.StructValue.Fields)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
