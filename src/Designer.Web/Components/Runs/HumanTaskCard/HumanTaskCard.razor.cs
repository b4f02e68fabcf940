using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>
/// One human task in the inbox: the instructions, the evidence the gate collected (the run's trace so far), the
/// editable fields, a comment, one button per allowed decision, and the SLA countdown.
/// </summary>
public sealed partial class HumanTaskCard
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private readonly Dictionary<string, string?> _edits = new(StringComparer.Ordinal);
    private string? _comment;

    /// <summary>The task.</summary>
    [Parameter, EditorRequired]
    public HumanTaskRecord Task { get; set; } = default!;

    /// <summary>The clock for the SLA countdown.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>A message about the last attempt (e.g. "already decided by …").</summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary>A decision is being sent.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>The user decided.</summary>
    [Parameter]
    public EventCallback<TaskDecision> Decided { get; set; }

    private IReadOnlyList<JsonObject> Evidence =>
        JsonNode.Parse(Task.EvidenceJson) is JsonArray items ? [.. items.OfType<JsonObject>()] : [];

    private bool Overdue => Task.Due is { } due && due <= Now;

    private string Sla => Task.Due switch
    {
        null => "no SLA",
        { } due when due > Now => "due in " + Format(due - Now),
        { } due => "overdue by " + Format(Now - due),
    };

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(Culture, $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s")
            : string.Create(Culture, $"{span.Minutes}m {span.Seconds:00}s");

    private static string Summary(JsonObject item)
    {
        var shown = new JsonObject();
        foreach (var key in new[] { "data", "output", "error" })
        {
            if (item[key] is { } value)
            {
                shown[key] = value.DeepClone();
            }
        }

        var text = shown.ToJsonString();
        return text.Length > 400 ? text[..399] + "…" : text;
    }

    private Task DecideAsync(string decision)
    {
        var edits = _edits.Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToList();
        var json = edits.Count == 0 ? null : new JsonObject(edits.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))).ToJsonString();
        return Decided.InvokeAsync(new TaskDecision(decision, string.IsNullOrWhiteSpace(_comment) ? null : _comment, json));
    }
}
