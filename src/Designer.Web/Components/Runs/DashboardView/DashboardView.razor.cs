using System.Globalization;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Runs;

/// <summary>
/// Decision economics per workflow version over a selectable period (aggregated in the database by
/// <see cref="RunAnalytics"/>): runs, automation, escalation and degraded rates as a bar chart and a table, cost per
/// automated task, human review time, and p50/p95 latency per node of the selected version.
/// </summary>
public sealed partial class DashboardView
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly (int Days, string Label)[] Periods = [(1, "Last 24 hours"), (7, "Last 7 days"), (30, "Last 30 days"), (365, "Last year")];
    private IReadOnlyList<VersionEconomics> _rows = [];
    private VersionEconomics? _selected;
    private DashboardPeriod _period = new(DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    private List<ChartSeries<double>> _rateSeries = [];
    private string[] _labels = [];
    private int _days = 7;

    [Inject]
    private RunAnalytics Analytics { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Only this workflow, or all.</summary>
    [Parameter]
    public Guid? WorkflowId { get; set; }

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => LoadAsync();

    private Task SelectPeriodAsync(int days)
    {
        _days = days;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        _period = new DashboardPeriod(now.AddDays(-_days), now.AddSeconds(1));
        _rows = await Analytics.EconomicsAsync(_period, WorkflowId, CancellationToken.None);
        _selected = _rows.FirstOrDefault(r => r.WorkflowId == _selected?.WorkflowId && r.Version == _selected?.Version) ?? (_rows is [var first, ..] ? first : null);
        _labels = [.. _rows.Select(r => $"{r.WorkflowName} v{r.Version}")];
        _rateSeries =
        [
            Series("Automation %", _rows.Select(r => r.AutomationRate * 100)),
            Series("Escalation %", _rows.Select(r => r.EscalationRate * 100)),
            Series("Degraded %", _rows.Select(r => r.DegradedRate * 100)),
        ];
    }

    private static List<ChartSeries<double>> LatencySeries(VersionEconomics row) =>
    [
        Series("p50 ms", row.Nodes.Select(n => n.P50Ms)),
        Series("p95 ms", row.Nodes.Select(n => n.P95Ms)),
    ];

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) =>
        new() { Name = name, Data = new ChartData<double>(values.ToArray()) };

    private static string Percent(double rate) => rate.ToString("P0", Culture);

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("N1", Culture) + " s" : "—";
}
