using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 13 item 4: an automatic rollback notifies the approver and the starter through the outbox.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly Actor RolloutGuardActor = new("system:rollout-guard", "Rollout guard");

    [Fact]
    public async Task RollBack_Issue13_NotificationQueuedWithRollbackAndAuditDeliverableNoRepeat()
    {
        // Arrange: a fresh database (the claim sees only this test's rows); v1 and v2 approved by Bob, Alice rolls v2 out.
        var storage = await IsolatedAsync();
        var router = new FakeRouter(new() { [NotificationEventTypes.RolloutRolledBack] = ["ops", "oncall"] });
        var rollouts = new RolloutStore(storage.Contexts, TimeProvider.System, router);
        var outbox = new NotificationStore(storage.Contexts, TimeProvider.System);
        var created = await CreateAsync(storage, "Issue13 rollback notify");
        await PublishAsync(storage, created);
        await PublishAsync(storage, created);
        var started = await rollouts.StartAsync(
            new NewRollout(created.Workflow.Id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, 0.3, null, null)), Alice, Ct);
        Assert.True(started.IsSuccess, started.Error?.Detail);

        // Act: the guard rolls it back; a second rollback is refused.
        var rolledBack = await rollouts.RollBackAsync(started.Value.Id, new RolloutBreach("maxEscalationRate", 0.6, 0.3), "Guard maxEscalationRate breached", RolloutGuardActor, Ct);
        var again = await rollouts.RollBackAsync(started.Value.Id, new RolloutBreach("maxEscalationRate", 0.7, 0.3), "again", RolloutGuardActor, Ct);
        List<NotificationEntity> rows;
        await using (var db = await storage.Contexts.CreateDbContextAsync(Ct))
        {
            rows = await db.Notifications.AsNoTracking().Where(n => n.WorkflowId == created.Workflow.Id).ToListAsync(Ct);
        }

        var claimed = await outbox.ClaimDueAsync("host-1", TimeSpan.FromMinutes(1), 10, Ct);
        var delivered = await Task.WhenAll(claimed.Select(c => outbox.MarkDeliveredAsync(c.Id, "host-1", Ct)));

        // Assert: one event id for both subscribers, written with the rollback; ids, versions, guard and people only.
        Assert.True(rolledBack.IsSuccess, rolledBack.Error?.Detail);
        Assert.Equal(RolloutStates.RolledBack, rolledBack.Value.State);
        Assert.False(again.IsSuccess);
        Assert.Equal(["oncall", "ops"], rows.Select(r => r.Subscriber).Order());
        Assert.Single(rows.Select(r => r.EventId).Distinct());
        Assert.All(rows, r => Assert.Equal(
            (NotificationEventTypes.RolloutRolledBack, Guid.Empty, 2, NotificationState.Pending),
            (r.EventType, r.RunId, r.VersionNumber, r.State)));
        var data = JsonNode.Parse(rows[0].Data!)!;
        Assert.Equal(started.Value.Id.ToString("D"), (string?)data["rollout"]!["id"]);
        Assert.Equal((2, 1), ((int)data["rollout"]!["candidateVersion"]!, (int)data["rollout"]!["baselineVersion"]!));
        Assert.Equal(("maxEscalationRate", 0.6, 0.3), ((string?)data["guard"]!["name"], (double)data["guard"]!["value"]!, (double)data["guard"]!["limit"]!));
        Assert.Equal(
            new[] { ("approver", Bob.Id), ("starter", Alice.Id) },
            data["notify"]!.AsArray().Select(p => ((string)p!["role"]!, (string)p["id"]!)));
        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, c => Assert.Equal(rows[0].Data, c.Data));
        Assert.All(delivered, Assert.True);
        var audit = await storage.Audit.ListAsync(1, 50, created.Workflow.Id.ToString("D"), Ct);
        var entry = Assert.Single(audit.Items, e => e.Action == RolloutAuditActions.RolledBack);
        var auditData = JsonNode.Parse(entry.DataJson!)!;
        Assert.Equal("maxEscalationRate", (string?)auditData["guard"]!["name"]);
        Assert.Equal(new[] { Bob.Id, Alice.Id }, auditData["notified"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task ListRolledBackForUser_Issue13_ApproverAndStarterSeeItOthersAndRunningRolloutsDoNot()
    {
        // Arrange: v2 (approved by Bob) rolled out by Alice and rolled back; no router, so nothing is queued.
        var storage = Storage;
        var rollouts = new RolloutStore(storage.Contexts, TimeProvider.System);
        var created = await CreateAsync(storage, "Issue13 rollback inbox " + Guid.NewGuid().ToString("N")[..6]);
        await PublishAsync(storage, created);
        await PublishAsync(storage, created);
        var started = await rollouts.StartAsync(
            new NewRollout(created.Workflow.Id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(0.01, null, null, null)), Alice, Ct);
        var beforeRollback = await rollouts.ListRolledBackForUserAsync(Bob.Id, DateTimeOffset.UtcNow.AddDays(-1), 50, Ct);

        // Act
        Assert.True(started.IsSuccess, started.Error?.Detail);
        await rollouts.RollBackAsync(started.Value.Id, new RolloutBreach("maxWrongRate", 0.05, 0.01), "Guard maxWrongRate breached", RolloutGuardActor, Ct);
        var approver = await rollouts.ListRolledBackForUserAsync(Bob.Id, DateTimeOffset.UtcNow.AddDays(-1), 50, Ct);
        var starter = await rollouts.ListRolledBackForUserAsync(Alice.Id, DateTimeOffset.UtcNow.AddDays(-1), 50, Ct);
        var stranger = await rollouts.ListRolledBackForUserAsync("user-carol", DateTimeOffset.UtcNow.AddDays(-1), 50, Ct);
        var tooOld = await rollouts.ListRolledBackForUserAsync(Bob.Id, DateTimeOffset.UtcNow.AddDays(1), 50, Ct);

        // Assert
        Assert.DoesNotContain(beforeRollback, r => r.Id == started.Value.Id);
        Assert.Contains(approver, r => r.Id == started.Value.Id && r.Reason == "Guard maxWrongRate breached");
        Assert.Contains(starter, r => r.Id == started.Value.Id);
        Assert.DoesNotContain(stranger, r => r.Id == started.Value.Id);
        Assert.DoesNotContain(tooOld, r => r.Id == started.Value.Id);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        Assert.False(await db.Notifications.AnyAsync(n => n.WorkflowId == created.Workflow.Id, Ct));
    }
}
