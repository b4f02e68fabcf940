using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Inference.Training;
using Designer.Runtime.State;

namespace Designer.Runtime.Executors;

/// <summary>
/// Turns a model node's mapped input into the model's input row. When every mapped value is a number (or an array
/// of numbers) the row is those numbers in mapping order; otherwise the fields are read as a dispute
/// (<c>amount</c>, <c>category</c>, <c>merchantDisputeRate</c>, <c>customerTenureMonths</c>,
/// <c>description</c> or <c>narrative</c>) and <see cref="DisputeFeatures.Extract(decimal, string, double, int, string)"/>
/// builds the risk model's fixed vector — the feature contract lives in one place.
/// </summary>
public static class ModelInputMapper
{
    /// <summary>Builds the row.</summary>
    /// <param name="mapped">The mapped input.</param>
    /// <returns>The feature row.</returns>
    public static float[] ToRow(JsonObject mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        if (mapped.Count > 0 && mapped.All(p => IsNumeric(p.Value)))
        {
            return [.. mapped.SelectMany(p => Numbers(p.Value))];
        }

        return DisputeFeatures.Extract(
            (decimal)Number(mapped["amount"], 0),
            Text(mapped["category"]) ?? "other",
            Number(mapped["merchantDisputeRate"], 0),
            (int)Number(mapped["customerTenureMonths"], 0),
            Text(mapped["description"]) ?? Text(mapped["narrative"]) ?? string.Empty);
    }

    private static bool IsNumeric(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.Number,
        JsonArray a => a.Count > 0 && a.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.Number),
        _ => false,
    };

    private static IEnumerable<float> Numbers(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(i => (float)Number(i, 0)),
        _ => [(float)Number(node, 0)],
    };

    private static double Number(JsonNode? node, double fallback) => node switch
    {
        JsonValue when JsonNumbers.TryGetDouble(node, out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => fallback,
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
