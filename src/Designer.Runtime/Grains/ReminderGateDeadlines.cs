using Designer.Runtime.HumanTasks;

namespace Designer.Runtime.Grains;

/// <summary>
/// SLAs as Orleans reminders on the run's grain (<see cref="IRunGrain.ScheduleSlaAsync"/>). Reminders survive grain
/// deactivation; with the in-memory reminder service they do not survive the silo, so
/// <see cref="Runs.RunService.ScheduleDeadlinesAsync"/> re-arms every pending task with a due time on start-up.
/// </summary>
public sealed class ReminderGateDeadlines : IGateDeadlines
{
    private readonly IGrainFactory _grains;

    /// <summary>Creates the scheduler.</summary>
    public ReminderGateDeadlines(IGrainFactory grains) => _grains = grains;

    /// <inheritdoc />
    public Task ScheduleAsync(Guid runId, Guid taskId, DateTimeOffset due, CancellationToken cancellationToken) =>
        _grains.GetGrain<IRunGrain>(runId).ScheduleSlaAsync(taskId, due).WaitAsync(cancellationToken);
}
