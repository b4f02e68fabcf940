namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 16 item 3 (outbound notifications): the outbox written with the run's status change, claims, dead letters.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Transition_Issue16Notifications_RoutedEventsWrittenWithStatusChangeOneEventIdPerChange()
    {
        // Arrange: "a" and "b" want completions, "a" waits; nobody wants failures.
        var storage = Storage;
        var router = new FakeRouter(new()
        {
            [NotificationEventTypes.RunCompleted] = ["a", "b"],
            [NotificationEventTypes.RunWaiting] = ["a"],
        });
        var runs = new RunStore(storage.Contexts, TimeProvider.System, null, router);
        var outbox = new NotificationStore(storage.Contexts, TimeProvider.System);
        var created = await CreateAsync(storage, "Issue16 notify " + Guid.NewGuid().ToString("N")[..6]);
        var completed = await runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", """{"secret":"pii"}"""), Alice, Ct);
        var failed = await runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}"), Alice, Ct);
        var waiting = await runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}"), Alice, Ct);

        // Act
        await runs.TransitionAsync(completed.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, """{"out":"pii"}""", "approved"), Ct);
        var refused = await runs.TransitionAsync(completed.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: "late"), Ct);
        await runs.TransitionAsync(failed.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: "boom"), Ct);
        await runs.WaitForHumanAsync(new NewHumanTask(waiting.Id, "gate", "req-1", "approver", "Check", "{}", ["approve"], [], null), 0m, Ct);

        // Assert
        Assert.Null(refused);
        var done = await outbox.ListForRunAsync(completed.Id, Ct);
        Assert.Equal(["a", "b"], done.Select(n => n.Subscriber).Order());
        Assert.Single(done.Select(n => n.EventId).Distinct());
        Assert.All(done, n => Assert.Equal(
            (NotificationEventTypes.RunCompleted, RunStatus.Completed, "approved", created.Workflow.Id, 1, NotificationState.Pending, 0),
            (n.EventType, n.RunStatus, n.EndNode, n.WorkflowId, n.VersionNumber, n.State, n.Attempts)));
        Assert.Empty(await outbox.ListForRunAsync(failed.Id, Ct));
        var wait = Assert.Single(await outbox.ListForRunAsync(waiting.Id, Ct));
        Assert.Equal((NotificationEventTypes.RunWaiting, RunStatus.WaitingForHuman, "a"), (wait.EventType, wait.RunStatus, wait.Subscriber));
    }

    [Fact]
    public async Task Claim_Issue16Notifications_HostsRaceFailuresDeadLetterAuditedRetryDelivers()
    {
        // Arrange: a fresh database, so the claims see only this test's rows.
        var storage = await IsolatedAsync();
        var router = new FakeRouter(new() { [NotificationEventTypes.RunFailed] = ["ops"] });
        var runs = new RunStore(storage.Contexts, TimeProvider.System, null, router);
        var hosts = Enumerable.Range(0, 4).Select(_ => new NotificationStore(storage.Contexts, TimeProvider.System)).ToList();
        var outbox = hosts[0];
        var created = await CreateAsync(storage, "Issue16 claim notify");
        var run = await runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}"), Alice, Ct);
        await runs.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: "boom"), Ct);
        var eventId = Assert.Single(await outbox.ListForRunAsync(run.Id, Ct)).EventId;

        // Act: four hosts race for the row; the winner fails it twice (retry, then give up); an admin retries it.
        var claims = await Task.WhenAll(hosts.Select((h, i) => h.ClaimDueAsync("host-" + i, TimeSpan.FromMinutes(1), 10, Ct)));
        var winner = "host-" + Array.FindIndex(claims, c => c.Count == 1);
        var row = claims.SelectMany(c => c).Single();
        var stranger = await outbox.MarkFailedAsync(row.Id, "host-x", "not mine", null, Ct);
        await outbox.MarkFailedAsync(row.Id, winner, "HTTP 500", DateTimeOffset.UtcNow.AddMinutes(-1), Ct);
        var again = Assert.Single(await outbox.ClaimDueAsync(winner, TimeSpan.FromMinutes(1), 10, Ct));
        await outbox.MarkFailedAsync(row.Id, winner, "HTTP 503", null, Ct);
        var dead = await outbox.ListDeadLettersAsync(1, 50, Ct);
        var nothingDue = await outbox.ClaimDueAsync(winner, TimeSpan.FromMinutes(1), 10, Ct);
        var retried = await outbox.RetryDeadLetterAsync(row.Id, Bob, Ct);
        var retriedTwice = await outbox.RetryDeadLetterAsync(row.Id, Bob, Ct);
        var third = Assert.Single(await outbox.ClaimDueAsync("host-9", TimeSpan.FromMinutes(1), 10, Ct));
        var delivered = await outbox.MarkDeliveredAsync(third.Id, "host-9", Ct);

        // Assert
        Assert.Single(claims, c => c.Count == 1);
        Assert.False(stranger);
        Assert.Equal((row.Id, eventId, 1), (again.Id, again.EventId, again.Attempts));
        var letter = Assert.Single(dead.Items);
        Assert.Equal((row.Id, NotificationState.DeadLetter, 2, "HTTP 503"), (letter.Id, letter.State, letter.Attempts, letter.LastError));
        Assert.Empty(nothingDue);
        Assert.NotNull(retried);
        Assert.Equal((NotificationState.Pending, 0), (retried.State, retried.Attempts));
        Assert.Null(retriedTwice);
        Assert.Equal(eventId, third.EventId);
        Assert.True(delivered);
        Assert.Empty(await outbox.ListForRunAsync(run.Id, Ct));
        Assert.Empty((await outbox.ListDeadLettersAsync(1, 50, Ct)).Items);
        var audit = await storage.Audit.ListAsync(1, 50, row.Id.ToString("D"), Ct);
        var entry = Assert.Single(audit.Items, e => e.Action == NotificationAuditActions.Retried);
        Assert.Equal(Bob.Id, entry.ActorId);
    }

    private sealed class FakeRouter(Dictionary<string, string[]> subscribers) : IRunNotificationRouter
    {
        public IReadOnlyList<string> SubscribersFor(string eventType, Guid workflowId) =>
            subscribers.TryGetValue(eventType, out var names) ? names : [];
    }
}
