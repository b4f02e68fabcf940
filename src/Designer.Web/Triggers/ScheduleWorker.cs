using System.Text.Json.Nodes;
using Designer.Runtime.Recovery;
using Designer.Runtime.Runs;
using Microsoft.Extensions.Options;

namespace Designer.Web.Triggers;

/// <summary>
/// Fires schedule triggers (issue 16). Every <see cref="ScheduleOptions.PollInterval"/> it computes each enabled
/// schedule's due occurrences with Cronos after the schedule's handled mark, applies the missed-occurrence policy and,
/// per occurrence, claims it in the database before starting the workflow's active version the way the REST start
/// does (actor <c>system:schedule</c>). Every host runs a worker; the claim's primary key lets exactly one host start
/// an occurrence, whichever ticks first. A host whose run queue is full claims nothing, so another host (or its own
/// next tick) fires the occurrence.
/// </summary>
internal sealed partial class ScheduleWorker : BackgroundService
{
    /// <summary>The actor id of runs started by a schedule.</summary>
    public const string ActorId = "system:schedule";

    private readonly IWorkflowScheduleStore _store;
    private readonly RunService _runs;
    private readonly RunExecutionHost _host;
    private readonly IRunOwnership _ownership;
    private readonly TimeProvider _time;
    private readonly ScheduleOptions _options;
    private readonly ILogger<ScheduleWorker> _logger;

    public ScheduleWorker(
        IWorkflowScheduleStore store, RunService runs, RunExecutionHost host, IRunOwnership ownership, TimeProvider time,
        IOptions<ScheduleOptions> options, ILogger<ScheduleWorker> logger)
    {
        _store = store;
        _runs = runs;
        _host = host;
        _ownership = ownership;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One pass over every enabled schedule; returns the runs this host started.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        var now = _time.GetUtcNow();
        foreach (var schedule in await _store.ListEnabledAsync(cancellationToken))
        {
            try
            {
                started += await FireDueAsync(schedule, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken schedule (or a database hiccup) never stops the others; the next tick tries again.
                LogScheduleFailed(schedule.Id, ex);
            }
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> FireDueAsync(WorkflowScheduleRecord schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = schedule.Definition;
        var cron = ScheduleCron.TryParse(definition.Cron, out var cronProblem);
        var zone = ScheduleCron.TryFindTimeZone(definition.TimeZone, out var zoneProblem);
        if (cron is null || zone is null)
        {
            LogUnusable(schedule.Id, cronProblem ?? zoneProblem);
            return 0;
        }

        var catchUp = definition.MissedPolicy == ScheduleMissedPolicy.CatchUp;
        var due = ScheduleCron.Between(cron, zone, schedule.FiredThrough, now, catchUp ? _options.MaxCatchUp : 1);
        if (due.Count == 0)
        {
            return 0;
        }

        if (_host.IsSaturated)
        {
            // Nothing claimed, nothing advanced: the occurrence stays due for a host with room.
            return 0;
        }

        IReadOnlyList<DateTimeOffset> fire = definition.MissedPolicy switch
        {
            ScheduleMissedPolicy.CatchUp => due,
            ScheduleMissedPolicy.None => now - due[^1] <= _options.Grace ? [due[^1]] : [],
            _ => [due[^1]],
        };

        var started = 0;
        foreach (var occurrence in fire)
        {
            if (await _store.ClaimOccurrenceAsync(schedule.Id, occurrence, _ownership.Owner, cancellationToken))
            {
                started += await StartAsync(schedule, occurrence, cancellationToken) ? 1 : 0;
            }
        }

        await _store.AdvanceAsync(schedule.Id, due[^1], cancellationToken);
        return started;
    }

    private async Task<bool> StartAsync(WorkflowScheduleRecord schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var input = JsonNode.Parse(schedule.Definition.InputJson) as JsonObject ?? [];
        var actor = new Actor(ActorId, $"Schedule {schedule.Definition.Name}");

        // The run key keeps a rollout's split stable per occurrence, like a caller's idempotency key.
        var options = new RunStartOptions($"schedule:{schedule.Id:N}:{occurrence.UtcTicks}", ValidateInput: true, Trigger: RunTriggers.Schedule);
        OperationResult<RunRecord> result;
        try
        {
            result = await _runs.StartAsync(schedule.WorkflowId, input, actor, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The claim stays: retrying could start a second run if the first start got further than it seems.
            await _store.CompleteOccurrenceAsync(schedule.Id, occurrence, null, Truncate("The start failed: " + ex.Message), CancellationToken.None);
            LogStartFailed(schedule.Id, occurrence, ex);
            return false;
        }

        var problem = result.Error?.Kind switch
        {
            null => null,
            OperationErrorKind.NotFound => "The workflow no longer exists.",
            OperationErrorKind.InvalidState => "The workflow has no active version.",
            OperationErrorKind.Unprocessable => "The active version cannot run: " + RunStartErrors.JoinProblems(result.Error),
            OperationErrorKind.Invalid => "The schedule's input does not fit the start schema: " + RunStartErrors.JoinProblems(result.Error),
            _ => "The start was refused.",
        };
        var runId = result.Value?.Id;
        await _store.CompleteOccurrenceAsync(schedule.Id, occurrence, runId, problem is null ? null : Truncate(problem), CancellationToken.None);
        if (problem is not null)
        {
            LogRefused(schedule.Id, occurrence, problem);
        }

        return runId is not null;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} could not be fired; retrying at the next tick.")]
    private partial void LogScheduleFailed(Guid scheduleId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule tick failed; retrying at the next interval.")]
    private partial void LogTickFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} cannot be evaluated on this host: {Problem}")]
    private partial void LogUnusable(Guid scheduleId, string? problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {ScheduleId} occurrence {Occurrence} failed to start a run.")]
    private partial void LogStartFailed(Guid scheduleId, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} occurrence {Occurrence} started no run: {Problem}")]
    private partial void LogRefused(Guid scheduleId, DateTimeOffset occurrence, string problem);
}
