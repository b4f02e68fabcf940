using Designer.Runtime.Tracing;
using Designer.Web.Identity;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Runs;

/// <summary>
/// The signed-in user's pending tasks (any of their roles), live: a gate request or a decision pushed by
/// <see cref="ITraceNotifier"/> reloads the list at once (so a task decided elsewhere disappears), and the list is
/// also re-read every <see cref="FallbackPoll"/> (tasks of runs hosted on another silo, and the SLA countdown).
/// Decisions go through the run's grain like the API's; losing a race shows who decided instead of an error.
/// </summary>
public sealed partial class InboxList : ComponentBase, IAsyncDisposable
{
    private static readonly string[] AllRoles = [DesignerRoles.Author, DesignerRoles.Approver, DesignerRoles.Operator, DesignerRoles.Viewer, DesignerRoles.Admin];
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Guid> _busy = [];
    private readonly Dictionary<Guid, string> _messages = [];
    private IReadOnlyList<HumanTaskRecord> _tasks = [];
    private string[] _roles = [];
    private System.Security.Claims.ClaimsPrincipal? _user;
    private string? _conflict;
    private string? _decided;
    private DateTimeOffset _now;
    private Task? _pump;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private InboxQueries Inbox { get; set; } = default!;

    [Inject]
    private IRunStore Runs { get; set; } = default!;

    [Inject]
    private ITraceNotifier Notifier { get; set; } = default!;

    [Inject]
    private TaskDecisionService Decisions { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>How often the list is re-read without a push (default 1 s: also ticks the SLA countdown).</summary>
    [Parameter]
    public TimeSpan FallbackPoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _roles = [.. AllRoles.Where(_user.IsInRole)];
        await ReloadAsync();
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (_pump is null && RendererInfo.IsInteractive)
        {
            _pump = PumpAsync(_stop.Token);
        }
    }

    private async Task ReloadAsync()
    {
        _now = Time.GetUtcNow();
        _tasks = await Inbox.PendingAsync(_roles, _stop.Token);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        using var subscription = Notifier.Subscribe(null);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var timer = new CancellationTokenSource(FallbackPoll, Time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                try
                {
                    // Wake on a request (a new task) or a decision (a task gone); other rows are drained and ignored.
                    while (await subscription.Reader.WaitToReadAsync(wait.Token))
                    {
                        var relevant = false;
                        while (subscription.Reader.TryRead(out var row))
                        {
                            relevant |= row.Event.Kind is TraceEventKinds.Request or TraceEventKinds.Decision;
                        }

                        if (relevant)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The fallback poll interval passed.
                }

                await InvokeAsync(async () =>
                {
                    await ReloadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    private async Task DecideAsync(HumanTaskRecord task, TaskDecision decision)
    {
        if (_user is null)
        {
            _messages[task.Id] = $"Only members of the '{task.Role}' role may decide this task.";
            return;
        }

        _busy.Add(task.Id);
        _messages.Remove(task.Id);
        try
        {
            var result = await Decisions.DecideAsync(_user, task, decision, CancellationToken.None);
            switch (result.Error?.Kind)
            {
                case null:
                    _tasks = [.. _tasks.Where(t => t.Id != task.Id)];
                    _decided = $"Recorded: {decision.Decision} — {TaskCase.From(task.EvidenceJson).Title} (run {task.RunId.ToString()[..8]}).";
                    break;
                case OperationErrorKind.Conflict or OperationErrorKind.InvalidState or OperationErrorKind.NotFound:
                    var current = await Runs.GetTaskAsync(task.Id, CancellationToken.None);
                    _conflict = current?.DecidedByName is { } who
                        ? $"This task was already decided by {who} ({current.Decision})."
                        : $"This task is no longer pending ({current?.Status.ToString() ?? "deleted"}).";
                    _tasks = [.. _tasks.Where(t => t.Id != task.Id)];
                    break;
                default:
                    _messages[task.Id] = result.Error.Detail;
                    break;
            }
        }
        finally
        {
            _busy.Remove(task.Id);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
