using System.Globalization;
using Designer.Runtime.Evaluations;
using Designer.Web.Evaluations;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>
/// Shows the approver the latest finished evaluation of a version — both sides' metrics — and whether it meets the
/// workflow's failure budget (issue 13). Renders nothing where the evaluation module is not registered.
/// </summary>
public sealed partial class EvaluationGatePanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private GateStatus? _status;

    /// <summary>Workflow whose version approval the evaluation gates.</summary>
    [Parameter, EditorRequired]
    public Guid WorkflowId { get; set; }

    /// <summary>The version under review.</summary>
    [Parameter, EditorRequired]
    public int Number { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _status = Services.GetService<EvaluationGate>() is { } gate
            ? await gate.StatusAsync(WorkflowId, Number, CancellationToken.None)
            : null;
    }

    private static RenderFragment Row(SideMetrics m) => builder =>
    {
        var cells = new[]
        {
            m.AutomationRate.ToString("P1", Culture),
            WrongAutomatic(m),
            m.EscalationRate.ToString("P1", Culture),
            m.DegradedRate.ToString("P1", Culture),
            m.CostPerAutomatedTask is { } c ? c.ToString("0.0000", Culture) : "–",
            string.Create(Culture, $"{m.P50LatencyMs:0.#} / {m.P95LatencyMs:0.#}"),
        };
        foreach (var cell in cells)
        {
            builder.OpenElement(0, "td");
            builder.AddContent(1, cell);
            builder.CloseElement();
        }
    };

    /// <summary>A side's wrong-automatic rate with its interval, as every gate panel shows it; a dash when it has none.</summary>
    /// <returns>E.g. <c>1.20% (0.8%–1.9%)</c>.</returns>
    internal static string WrongAutomatic(SideMetrics m) =>
        m.WrongAutomaticRate is { } w ? string.Create(Culture, $"{w:P2} ({m.WrongAutomaticLow:P1}–{m.WrongAutomaticHigh:P1})") : "–";
}
