using Designer.Persistence;
using Designer.Runtime.Compilation;
using Designer.Runtime.Hosting;
using Designer.Runtime.Runs;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Grains;

/// <summary>
/// The run's grain. It keeps no state of its own (no grain storage, so nothing can be lost in memory storage): the
/// run record, checkpoints and tasks are rows behind <see cref="IRunStore"/>, and <see cref="RunService"/> queues
/// execution on the background host.
/// </summary>
public sealed class RunGrain : Grain, IRunGrain, IRemindable
{
    private const string SlaPrefix = "sla:";
    private readonly RunService _runs;
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _slaCheck;
    private readonly GrainCallSigner _signer;
    private readonly GrainCommandNonces _nonces = new();

    /// <summary>Creates the grain.</summary>
    /// <param name="services">Runtime services (the runtime clock the SLA is measured on).</param>
    /// <param name="options">Runtime options (SLA check interval).</param>
    /// <param name="signer">Checks that commands come from a web host holding the grain call key.</param>
    public RunGrain(RunService runs, IRunStore store, RuntimeServices services, IOptions<RuntimeOptions> options, GrainCallSigner signer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _runs = runs;
        _store = store;
        _time = services.Time;
        _slaCheck = options.Value.SlaCheckInterval;
        _signer = signer;
    }

    /// <inheritdoc />
    public async Task ScheduleSlaAsync(Guid taskId, DateTimeOffset due)
    {
        // Orleans fires reminders on its own clock; due-ness is judged on the runtime clock at each tick, so the
        // reminder ticks every interval (one indexed read) rather than aiming once at a time the clocks may disagree on.
        var wait = due - _time.GetUtcNow();
        var first = wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < _slaCheck ? wait : _slaCheck;
        await this.RegisterOrUpdateReminder(SlaPrefix + taskId.ToString("N"), first, _slaCheck);
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!reminderName.StartsWith(SlaPrefix, StringComparison.Ordinal) || !Guid.TryParseExact(reminderName[SlaPrefix.Length..], "N", out var taskId))
        {
            return;
        }

        var task = await _store.GetTaskAsync(taskId, CancellationToken.None);
        if (task is { Status: HumanTaskStatus.Pending, Due: { } due } && _time.GetUtcNow() < due)
        {
            return; // Not due yet on the runtime clock; the next tick checks again.
        }

        if (task is { Status: HumanTaskStatus.Pending })
        {
            await _runs.TimeOutAsync(taskId, CancellationToken.None);
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc />
    public async Task<RunGrainOutcome> DecideAsync(RunGrainDecision request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The actor is trusted only when the web host signed it (issue 14): checked before anything is read or written.
        if (Refusal(request.SignedFields(), request.IssuedAt, request.Signature, request.Nonce) is { } refused)
        {
            return RunGrainOutcomes.Refused(refused);
        }

        var task = await _store.GetTaskAsync(request.TaskId, CancellationToken.None);
        if (task is null || task.RunId != this.GetPrimaryKey())
        {
            return RunGrainOutcomes.From(RunService.TaskNotFound(request.TaskId));
        }

        var result = await _runs.DecideAsync(
            request.TaskId,
            new TaskDecision(request.Decision, request.Comment, request.EditsJson, request.Correction),
            new Actor(request.ActorId, request.ActorName),
            CancellationToken.None);
        return RunGrainOutcomes.From(result.Error);
    }

    /// <inheritdoc />
    public async Task<RunGrainOutcome> CancelAsync(RunGrainCancel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request.SignedFields(), request.IssuedAt, request.Signature, request.Nonce) is { } refused)
        {
            return RunGrainOutcomes.Refused(refused);
        }

        var result = await _runs.CancelAsync(this.GetPrimaryKey(), new Actor(request.ActorId, request.ActorName), CancellationToken.None);
        return RunGrainOutcomes.From(result.Error);
    }

    /// <summary>
    /// Why a command is refused, or null: not signed by the web host, stale, without a nonce, or a replay of a command
    /// this activation already received (issue 14). After a re-activation the nonces are forgotten, so a command
    /// captured in the last two minutes could be sent once more; that is safe because decisions and cancels are
    /// conditional updates in the store — a replayed decision finds its task no longer pending and a replayed cancel
    /// finds the run ended (both a conflict), so a replay never changes state a second time.
    /// </summary>
    private string? Refusal(IReadOnlyList<string?> fields, long issuedAt, string? signature, string? nonce)
    {
        if (_signer.Check(this.GetPrimaryKey(), fields, issuedAt, signature) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(nonce))
        {
            return "The command carries no nonce.";
        }

        return _nonces.TryAccept(nonce, issuedAt, _signer.Now()) ? null : "The command was already received; a replay is refused.";
    }
}
