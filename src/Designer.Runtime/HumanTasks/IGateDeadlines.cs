namespace Designer.Runtime.HumanTasks;

/// <summary>Arms the SLA of a pending human task (a gate with <c>slaMinutes</c>).</summary>
public interface IGateDeadlines
{
    /// <summary>Makes sure the task times out at <paramref name="due"/> unless decided first; idempotent.</summary>
    /// <param name="runId">The task's run.</param>
    /// <param name="due">When its SLA expires.</param>
    Task ScheduleAsync(Guid runId, Guid taskId, DateTimeOffset due, CancellationToken cancellationToken);
}
