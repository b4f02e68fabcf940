using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Evaluations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Shared;

/// <summary>
/// One action on the version page (issue 13): evaluate the version under review — or the draft — against the
/// currently active version on a chosen dataset of the workflow, then follow its progress (done/total) until it
/// ends and show both sides' automation and wrong-automatic rates. Authors and approvers start it (as the API's
/// <c>POST /api/workflows/{id}/evaluations</c>); everyone else sees why not. Renders nothing without the evaluation
/// module.
/// </summary>
public sealed partial class EvaluateAgainstActivePanel : IDisposable
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<DatasetRecord> _datasets = [];
    private Guid? _datasetId;
    private ClaimsPrincipal _user = new();
    private bool _busy;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;
    private EvaluationRecord? _evaluation;
    private EvaluationReport? _report;

    /// <summary>Workflow whose draft is evaluated against its active version.</summary>
    [Parameter, EditorRequired]
    public Guid WorkflowId { get; set; }

    /// <summary>The version under review (the candidate).</summary>
    [Parameter, EditorRequired]
    public int Number { get; set; }

    /// <summary>The workflow's active version (the baseline), if any.</summary>
    [Parameter]
    public int? ActiveVersion { get; set; }

    /// <summary>How often progress is re-read while the evaluation runs.</summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private EvaluationService? Evaluations { get; set; }

    private IEvaluationStore Store { get; set; } = default!;

    private bool IsActive => ActiveVersion == Number;

    private string? DisabledReason =>
        !DatasetService.MayEdit(_user) ? "Only authors and approvers start evaluations."
        : ActiveVersion is null ? "No version is active yet, so there is nothing to compare with."
        : _datasets.Count == 0 ? "This workflow has no dataset yet: create one from past runs or a file (POST /api/datasets), then come back."
        : null;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // Renders nothing where the evaluation module is not registered (pages tested without it).
        Evaluations = Services.GetService<EvaluationService>();
        if (Evaluations is null)
        {
            return;
        }

        Store = Services.GetRequiredService<IEvaluationStore>();

        _user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        _datasets = await Store.ListDatasetsAsync(WorkflowId, CancellationToken.None);
        _datasetId ??= _datasets.Count > 0 ? _datasets[0].Id : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task StartAsync(bool draft)
    {
        _error = null;
        _problems = null;
        _report = null;
        _busy = true;
        try
        {
            var body = new JsonObject
            {
                ["candidate"] = draft ? new JsonObject { ["draft"] = true } : new JsonObject { ["version"] = Number },
                ["baseline"] = new JsonObject { ["version"] = ActiveVersion },
                ["datasetId"] = _datasetId?.ToString(),
            };
            var started = await Evaluations!.StartAsync(_user, WorkflowId, body, CancellationToken.None);
            if (!started.IsSuccess)
            {
                _error = started.Error!.Detail;
                _problems = started.Error.Problems;
                return;
            }

            _evaluation = started.Value;
            await FollowAsync(started.Value!.Id);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Re-reads the job until it ends (or the page goes away), re-rendering each time.</summary>
    private async Task FollowAsync(Guid id)
    {
        try
        {
            while (_evaluation is { IsFinished: false })
            {
                StateHasChanged();
                await Task.Delay(PollInterval, _disposed.Token);
                _evaluation = await Store.GetEvaluationAsync(id, _disposed.Token);
            }

            if (_evaluation is { } finished)
            {
                (_report, _) = await Evaluations!.ReportAsync(finished, _disposed.Token);
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page was left; the job goes on in the background.
        }
    }

    private static double Percent(EvaluationRecord e) => e.Total == 0 ? 0 : 100.0 * e.Done / e.Total;
}
