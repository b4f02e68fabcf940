using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Runtime.State;

/// <summary>Reads JSON numbers whatever CLR type backs the node (int, decimal, double, or a parsed element).</summary>
internal static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            // Round-tripping through the JSON text works for every backing type, including int and decimal.
            return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }
}
