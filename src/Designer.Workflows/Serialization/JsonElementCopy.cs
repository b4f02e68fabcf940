using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Workflows.Serialization;

/// <summary>
/// Copies a <see cref="JsonElement"/> into an independent, fully materialised <see cref="JsonNode"/>.
/// The serializer's JsonObject is lazily built and throws on repeated keys at first access, far from the parser;
/// this copy keeps the last value instead (the reader reports the repetition).
/// </summary>
internal static class JsonElementCopy
{
    public static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = ToNode(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.Number:
                // Clone detaches the number from the parsed document while keeping its literal text.
                return JsonValue.Create(element.Clone());
            default:
                return null;
        }
    }
}
