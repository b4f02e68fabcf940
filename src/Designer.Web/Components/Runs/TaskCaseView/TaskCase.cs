using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Web.Components.Runs;

/// <summary>
/// The case behind a human task, read from its evidence (the run's trace so far): the run input as labelled fields,
/// the model's score, the best retrieval hits and the policy verdict — what a reviewer decides on, instead of a
/// dump of events. Every part is optional: a workflow without a model simply has no score.
/// </summary>
/// <param name="Title">"fraud · 9,500 EUR · Atlas Electronics", else the first input values.</param>
/// <param name="Fields">The run input, labelled.</param>
/// <param name="Score">The model's score (0–1) and its model id.</param>
/// <param name="Hits">The best retrieval hits: text and score (0–1).</param>
/// <param name="Verdict">The policy verdict and the rule that decided.</param>
public sealed record TaskCase(
    string Title,
    IReadOnlyList<(string Label, string Value)> Fields,
    (double Value, string Model)? Score,
    IReadOnlyList<(string Text, double Score)> Hits,
    string? Verdict)
{
    private const int MaxHits = 3;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Reads the case from a task's evidence JSON.</summary>
    /// <param name="evidenceJson">The task's evidence.</param>
    public static TaskCase From(string evidenceJson)
    {
        var items = Parse(evidenceJson);
        var completed = items.Where(i => Text(i["kind"]) == "node.completed").ToList();
        // The start node passes the run input through: it is the start event's input.
        var start = completed.FirstOrDefault(i => Text(i["nodeKind"]) == "start");
        var input = (start?["input"] ?? start?["output"]) as JsonObject;
        var model = completed.LastOrDefault(i => Text(i["nodeKind"]) == "model")?["output"] as JsonObject;
        var retrieval = completed.LastOrDefault(i => Text(i["nodeKind"]) == "retrieval")?["output"] as JsonObject;
        var verdict = items.LastOrDefault(i => Text(i["kind"]) == "policy.verdict")?["data"] as JsonObject;

        var fields = input?.Where(p => p.Value is JsonValue).Select(p => (Designer.Web.Runs.StartInputForm.Humanize(p.Key), Text(p.Value) ?? string.Empty)).ToList() ?? [];
        var hits = (retrieval?["hits"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(h => (Text: Text(h["text"]) ?? Text(h["id"]) ?? string.Empty, Score: Number(h["score"]) ?? 0))
            .OrderByDescending(h => h.Score)
            .Take(MaxHits)
            .ToList();
        var score = Number(model?["score"]) is { } s ? (s, Text(model?["model"]) ?? "model") : ((double, string)?)null;
        var verdictText = verdict is null ? null
            : $"{Text(verdict["verdict"])}{(Text(verdict["decidedBy"]) is { } by ? $" ({by.Replace("rule:", "rule ", StringComparison.Ordinal)})" : string.Empty)}";
        return new TaskCase(TitleOf(input), fields, score, hits, verdictText);
    }

    /// <summary>0.8734 → "87%".</summary>
    /// <param name="score">A score between 0 and 1.</param>
    public static string Percent(double score) => (score * 100).ToString("0", Culture) + "%";

    private static string TitleOf(JsonObject? input)
    {
        if (input is null)
        {
            return "Case";
        }

        var amount = Number(input["amount"]) is { } a ? $"{a.ToString("#,0.##", Culture)} {Text(input["currency"])}".Trim() : null;
        var parts = new[] { Text(input["category"]), amount, Text(input["merchant"]) }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (parts.Count > 0)
        {
            return string.Join(" · ", parts);
        }

        var first = input.Where(p => p.Value is JsonValue).Take(3).Select(p => Text(p.Value)).Where(t => !string.IsNullOrWhiteSpace(t));
        return string.Join(" · ", first) is { Length: > 0 } joined ? joined : "Case";
    }

    private static List<JsonObject> Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v)!.Value.ToString("#,0.##", Culture),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), NumberStyles.Float, Culture) : null;
}
