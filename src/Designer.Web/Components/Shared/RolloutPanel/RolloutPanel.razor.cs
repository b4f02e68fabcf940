using System.Globalization;
using System.Security.Claims;
using Designer.Web.Identity;
using Designer.Web.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>
/// The version page's rollout (issue 13): a "Roll out…" form for an approved version (approvers and operators),
/// and the workflow's latest rollout with its split, runs per side and guard values against their limits, with
/// promote and abort behind a confirmation.
/// </summary>
public sealed partial class RolloutPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private RolloutView? _view;
    private ClaimsPrincipal _user = new();
    private bool _formOpen;
    private string? _confirm;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;
    private string _mode = RolloutModes.Canary;
    private int _percent = 10;
    private string _window = "PT1H";
    private int _minRuns = 200;
    private string? _maxWrong;
    private string? _maxEscalation;
    private string? _maxDegraded;
    private string? _p95;

    /// <summary>Workflow whose rollouts the panel shows and starts.</summary>
    [Parameter, EditorRequired]
    public Guid WorkflowId { get; set; }

    /// <summary>The version under review (the one the form rolls out).</summary>
    [Parameter, EditorRequired]
    public int Number { get; set; }

    /// <summary>Whether that version is approved (published); only then the form shows.</summary>
    [Parameter]
    public bool Published { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private RolloutService? Rollouts { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool CanChange => _user.IsInRole(DesignerRoles.Approver) || _user.IsInRole(DesignerRoles.Operator);

    private bool CanStart => CanChange && Published && _view?.Rollout.IsOpen != true;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // Renders nothing where the rollout module is not registered (pages tested without it).
        Rollouts = Services.GetService<RolloutService>();
        _user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Rollouts is null)
        {
            return;
        }

        var result = await Rollouts.GetAsync(WorkflowId, CancellationToken.None);
        _view = result.IsSuccess ? result.Value : null;
    }

    private async Task StartAsync()
    {
        _error = null;
        _problems = null;
        var problems = new List<OperationProblem>();
        var guards = new RolloutGuardsRequest(
            Guard("maxWrongRate", _maxWrong, problems),
            Guard("maxEscalationRate", _maxEscalation, problems),
            Guard("maxDegradedRate", _maxDegraded, problems),
            Guard("p95LatencyMs", _p95, problems));
        if (problems.Count > 0)
        {
            _problems = problems;
            return;
        }

        var body = new StartRolloutRequest(_mode, _percent, _window, _minRuns, guards);
        var result = await Rollouts!.StartAsync(_user, WorkflowId, Number, body, [], CancellationToken.None);
        if (!result.IsSuccess)
        {
            _error = result.Error!.Detail;
            _problems = result.Error.Problems;
            return;
        }

        _formOpen = false;
        await LoadAsync();
    }

    private async Task ConfirmAsync()
    {
        var result = _confirm == RolloutStates.Promoted
            ? await Rollouts!.PromoteAsync(_user, WorkflowId, CancellationToken.None)
            : await Rollouts!.AbortAsync(_user, WorkflowId, CancellationToken.None);
        _confirm = null;
        _error = result.IsSuccess ? null : result.Error!.Detail;
        await LoadAsync();
    }

    private static double? Guard(string name, string? text, List<OperationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, Culture, out var value))
        {
            return value;
        }

        problems.Add(new OperationProblem($"rollout.guards.{name}", $"{name} must be a number.", Field: $"guards.{name}"));
        return null;
    }

    private static Color StateColor(string state) => state switch
    {
        RolloutStates.Running => Color.Info,
        RolloutStates.Promoted => Color.Success,
        RolloutStates.NeedsDecision => Color.Warning,
        _ => Color.Error,
    };

    private static string Value(string guard, double? value) =>
        value is not { } v ? "–" : guard == "p95LatencyMs" ? v.ToString("0", Culture) : v.ToString("P1", Culture);

    private static RenderFragment Side(string label, RolloutSideStats s, string mode) => builder =>
    {
        var cells = new List<string>
        {
            $"{label} v{s.Version}",
            s.Runs.ToString(Culture),
            Value("rate", s.EscalationRate),
            Value("rate", s.DegradedRate),
            s.Labelled == 0 ? "–" : string.Create(Culture, $"{s.WrongRate:P1} of {s.Labelled}"),
            Value("p95LatencyMs", s.P95LatencyMs),
        };
        if (mode == RolloutModes.Shadow)
        {
            cells.Add(s.Flipped.ToString(Culture));
        }

        foreach (var cell in cells)
        {
            builder.OpenElement(0, "td");
            builder.AddContent(1, cell);
            builder.CloseElement();
        }
    };
}
