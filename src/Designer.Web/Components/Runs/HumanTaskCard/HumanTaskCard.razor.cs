using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

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
    private string? _correction;
    private TaskCase? _case;

    /// <summary>Task the card shows and lets an allowed user decide.</summary>
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

    /// <summary>Raised with the decision once the user has taken it, so the page can send it and refresh.</summary>
    [Parameter]
    public EventCallback<TaskDecision> Decided { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private TaskCase Case => _case ??= TaskCase.From(Task.EvidenceJson);

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

    /// <summary>
    /// A decision moves money or blocks a customer: confirm it with the case in view (a reject needs a comment), so
    /// one stray click decides nothing.
    /// </summary>
    private async Task DecideAsync(string decision)
    {
        var parameters = new DialogParameters<CommentDialog>
        {
            { d => d.CommentRequired, decision == "reject" },
            { d => d.ActionText, decision },
            { d => d.Comment, _comment },
            { d => d.Message, $"{decision}: {Case.Title} (run {Task.RunId.ToString()[..8]})?" },
        };
        var dialog = await Dialogs.ShowAsync<CommentDialog>($"Confirm {decision}", parameters);
        if (await dialog.Result is not { Canceled: false, Data: string comment })
        {
            return;
        }

        _comment = comment;
        var edits = _edits.Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToList();
        var json = edits.Count == 0 ? null : new JsonObject(edits.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))).ToJsonString();
        await Decided.InvokeAsync(new TaskDecision(decision, string.IsNullOrWhiteSpace(comment) ? null : comment, json, _correction));
    }
}
