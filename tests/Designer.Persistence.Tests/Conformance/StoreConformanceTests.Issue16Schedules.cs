using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 16 item 1 (schedule triggers): the store and the occurrence claim, on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly ScheduleDefinition Nightly = new("nightly", "0 2 * * *", "Europe/Berlin", """{"amount":10}""", true, ScheduleMissedPolicy.Skip);

    [Fact]
    public async Task ClaimOccurrence_Issue16Schedules_ManyHostsSameOccurrence_ExactlyOneWins()
    {
        // Arrange: separate store instances stand for separate hosts on one database.
        var storage = Storage;
        var created = await CreateAsync(storage, "Issue16 claim " + Guid.NewGuid().ToString("N")[..6]);
        var schedule = (await new WorkflowScheduleStore(storage.Contexts, TimeProvider.System).CreateAsync(created.Workflow.Id, Nightly, Alice, Ct)).Value!;
        var occurrence = new DateTimeOffset(2027, 1, 5, 1, 0, 0, TimeSpan.Zero);
        var hosts = Enumerable.Range(0, 6).Select(_ => new WorkflowScheduleStore(storage.Contexts, TimeProvider.System)).ToList();

        // Act
        var claims = await Task.WhenAll(hosts.Select((store, i) => Task.Run(() => store.ClaimOccurrenceAsync(schedule.Id, occurrence, $"host-{i}", Ct), Ct)));
        var next = await hosts[0].ClaimOccurrenceAsync(schedule.Id, occurrence.AddDays(1), "host-0", Ct);
        var runId = Guid.NewGuid();
        await hosts[1].CompleteOccurrenceAsync(schedule.Id, occurrence, runId, null, Ct);
        var occurrences = await hosts[0].ListOccurrencesAsync(schedule.Id, 10, Ct);
        var after = Assert.Single(await hosts[0].ListAsync(created.Workflow.Id, Ct));

        // Assert
        Assert.Single(claims, c => c);
        Assert.True(next);
        Assert.Equal(2, occurrences.Count);
        Assert.Equal(occurrence.AddDays(1), occurrences[0].OccurrenceUtc);
        Assert.Equal(runId, occurrences[1].RunId);
        Assert.Equal(occurrence, after.LastOccurrence);
        Assert.Equal(runId, after.LastRunId);
    }

    [Fact]
    public async Task Schedule_Issue16Schedules_CreateUpdateDelete_AuditedAndTimingChangeRestartsCount()
    {
        // Arrange
        var storage = Storage;
        var time = new MovableTime(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new WorkflowScheduleStore(storage.Contexts, time);
        var created = await CreateAsync(storage, "Issue16 schedule " + Guid.NewGuid().ToString("N")[..6]);

        // Act
        var schedule = (await store.CreateAsync(created.Workflow.Id, Nightly, Alice, Ct)).Value!;
        await store.AdvanceAsync(schedule.Id, time.Now.AddHours(5), Ct);
        await store.AdvanceAsync(schedule.Id, time.Now.AddHours(1), Ct);
        var advanced = Assert.Single(await store.ListAsync(created.Workflow.Id, Ct));
        time.Now = time.Now.AddDays(1);
        var renamed = (await store.UpdateAsync(created.Workflow.Id, schedule.Id, Nightly with { Name = "renamed" }, Alice, Ct)).Value!;
        var retimed = (await store.UpdateAsync(created.Workflow.Id, schedule.Id, Nightly with { Cron = "0 3 * * *" }, Alice, Ct)).Value!;
        var enabledOnly = await store.ListEnabledAsync(Ct);
        var disabled = (await store.UpdateAsync(created.Workflow.Id, schedule.Id, Nightly with { Cron = "0 3 * * *", Enabled = false }, Alice, Ct)).Value!;
        var enabledAfterDisable = await store.ListEnabledAsync(Ct);
        var otherWorkflow = await store.UpdateAsync(Guid.NewGuid(), schedule.Id, Nightly, Alice, Ct);
        await store.ClaimOccurrenceAsync(schedule.Id, time.Now, "host", Ct);
        var deleted = await store.DeleteAsync(created.Workflow.Id, schedule.Id, Alice, Ct);
        var deletedAgain = await store.DeleteAsync(created.Workflow.Id, schedule.Id, Alice, Ct);
        var claimAfterDelete = await store.ClaimOccurrenceAsync(schedule.Id, time.Now.AddDays(1), "host", Ct);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var actions = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == created.Workflow.Id.ToString("D") && e.Action.StartsWith("workflow.schedule."))
            .Select(e => e.Action).ToListAsync(Ct);

        // Assert
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 13, 0, 0, TimeSpan.Zero), advanced.FiredThrough);
        Assert.Equal(advanced.FiredThrough, renamed.FiredThrough);
        Assert.Equal(time.Now, retimed.FiredThrough);
        Assert.Contains(enabledOnly, s => s.Id == schedule.Id);
        Assert.False(disabled.Definition.Enabled);
        Assert.DoesNotContain(enabledAfterDisable, s => s.Id == schedule.Id);
        Assert.Equal(OperationErrorKind.NotFound, otherWorkflow.Error?.Kind);
        Assert.True(deleted.IsSuccess);
        Assert.Equal(OperationErrorKind.NotFound, deletedAgain.Error?.Kind);
        Assert.False(claimAfterDelete);
        Assert.Empty(await store.ListOccurrencesAsync(schedule.Id, 10, Ct));
        Assert.Equal(
            [ScheduleAuditActions.Created, ScheduleAuditActions.Deleted, ScheduleAuditActions.Updated, ScheduleAuditActions.Updated, ScheduleAuditActions.Updated],
            actions.Order(StringComparer.Ordinal));
    }
}
