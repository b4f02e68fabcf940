using System.Globalization;
using Designer.Web.Rollouts;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>
/// While a canary or live-shadow rollout is open, the dashboard shows its two versions side by side (issue 13 item 4):
/// runs, automation, escalation, degraded and wrong (human-labelled) rates and p95 latency per side since the
/// rollout started, flips in shadow mode, and each guard's limit (red once breached). Renders nothing without the
/// rollout module or an open rollout.
/// </summary>
public sealed partial class LiveRolloutsPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private List<(string WorkflowName, RolloutView View)> _rollouts = [];

    /// <summary>Only this workflow's rollout, or every open one.</summary>
    [Parameter]
    public Guid? WorkflowId { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (Services.GetService<IRolloutStore>() is not { } store || Services.GetService<IWorkflowStore>() is not { } workflows)
        {
            return;
        }

        var now = Services.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var rollouts = new List<(string, RolloutView)>();
        foreach (var rollout in await store.ListOpenAsync(CancellationToken.None))
        {
            if (WorkflowId is { } only && rollout.WorkflowId != only)
            {
                continue;
            }

            var stats = await store.GetStatsAsync(rollout, CancellationToken.None);
            var name = (await workflows.GetWorkflowAsync(rollout.WorkflowId, CancellationToken.None))?.Name ?? rollout.WorkflowId.ToString();
            rollouts.Add((name, new RolloutView(rollout, stats[0], stats[1], RolloutJudge.Guards(rollout, stats[1], stats[0]), now)));
        }

        _rollouts = rollouts;
    }

    private static IEnumerable<(string Label, string Baseline, string Candidate)> Rows(RolloutView view)
    {
        var (b, c) = (view.Baseline, view.Candidate);
        yield return ("Runs", b.Runs.ToString(Culture), c.Runs.ToString(Culture));
        yield return ("Automation", Rate(b.Runs == 0 ? null : (double)b.Automated / b.Runs), Rate(c.Runs == 0 ? null : (double)c.Automated / c.Runs));
        yield return ("Escalation", Rate(b.EscalationRate), Rate(c.EscalationRate));
        yield return ("Degraded", Rate(b.DegradedRate), Rate(c.DegradedRate));
        yield return ("Wrong (labelled)", Wrong(b), Wrong(c));
        yield return ("p95 latency", Ms(b.P95LatencyMs), Ms(c.P95LatencyMs));
        if (view.Rollout.Mode == RolloutModes.Shadow)
        {
            yield return ("Flipped", "–", c.Flipped.ToString(Culture));
        }
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("P1", Culture) : "–";

    private static string Wrong(RolloutSideStats s) => s.Labelled == 0 ? "–" : string.Create(Culture, $"{s.WrongRate:P1} of {s.Labelled}");

    private static string Ms(double? ms) => ms is { } v ? v.ToString("0", Culture) + " ms" : "–";

    private static string Value(string guard, double limit) => guard == "p95LatencyMs" ? Ms(limit) : Rate(limit);
}
