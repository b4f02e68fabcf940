using Designer.Persistence.Tests.Infrastructure;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly Actor Olga = new("user-olga", "Olga Operator");

    [Fact]
    public async Task CreateRun_PublishedVersion_StoresRunningRun()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await PublishAsync(storage, created);

        // Act
        var run = await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, version.Number, version.ContentHash, """{"a":1}"""), Olga, Ct);

        // Assert
        var stored = await storage.Runs.GetRunAsync(run.Id, Ct);
        Assert.Equal(run, stored);
        Assert.Equal(RunStatus.Running, stored!.Status);
        Assert.Equal(Olga.Id, stored.StartedById);
        var page = await storage.Runs.ListRunsAsync(new RunQuery(created.Workflow.Id, RunStatus.Running, version.Number), 1, 10, Ct);
        Assert.Equal(run.Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Transition_FromWrongStatus_ReturnsNullAndKeepsStatus()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        await storage.Runs.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Cancelled), Ct);

        // Act
        var completed = await storage.Runs.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, "{}"), Ct);

        // Assert
        Assert.Null(completed);
        var stored = await storage.Runs.GetRunAsync(run.Id, Ct);
        Assert.Equal(RunStatus.Cancelled, stored!.Status);
        Assert.NotNull(stored.EndedAt);
    }

    [Fact]
    public async Task CheckpointsAndTrace_Appended_ListInOrder()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        var now = DateTimeOffset.UnixEpoch;

        // Act
        await storage.Runs.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("b", null, """{"n":1}""", now), Ct);
        await storage.Runs.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("a", "b", """{"n":2}""", now), Ct);
        var first = await storage.Runs.AppendTraceAsync(run.Id, "node.invoked", "start", "{}", now, Ct);
        var second = await storage.Runs.AppendTraceAsync(run.Id, "node.completed", "start", "{}", now, Ct);

        // Assert
        var checkpoints = await storage.Runs.ListCheckpointsAsync(run.Id, Ct);
        Assert.Equal(["b", "a"], checkpoints.Select(c => c.CheckpointId));
        Assert.Equal("""{"n":2}""", (await storage.Runs.GetCheckpointAsync(run.Id, "a", Ct))!.Json);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
        var after = await storage.Runs.ListTraceAsync(run.Id, 1, 100, Ct);
        Assert.Equal("node.completed", Assert.Single(after).Kind);
    }

    [Fact]
    public async Task CreateTask_SameRequestTwice_ReturnsOneTask()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);

        // Act
        var first = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);
        var second = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);

        // Assert
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["approve", "reject"], first.Decisions);
        Assert.Equal(HumanTaskStatus.Pending, first.Status);
    }

    [Fact]
    public async Task DecideTask_ConcurrentDecisions_ExactlyOneWins()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        var task = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            storage.Runs.DecideTaskAsync(task.Id, new TaskDecision(i % 2 == 0 ? "approve" : "reject", $"c{i}", null), Bob, Ct)));

        // Assert
        var winner = Assert.IsType<DecideTaskResult.Decided>(Assert.Single(results, r => r is DecideTaskResult.Decided));
        Assert.All(results.Where(r => r is not DecideTaskResult.Decided), r => Assert.Equal(HumanTaskStatus.Decided, Assert.IsType<DecideTaskResult.Conflict>(r).Status));
        var stored = await storage.Runs.GetTaskAsync(task.Id, Ct);
        Assert.Equal(winner.Task.Decision, stored!.Decision);
        Assert.Equal(Bob.Id, stored.DecidedById);
    }

    [Fact]
    public async Task DecideTask_UnknownOrCancelled_NotFoundOrConflict()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        var task = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);
        await storage.Runs.CancelPendingTasksAsync(run.Id, Ct);

        // Act
        var unknown = await storage.Runs.DecideTaskAsync(Guid.NewGuid(), new TaskDecision("approve", null, null), Bob, Ct);
        var cancelled = await storage.Runs.DecideTaskAsync(task.Id, new TaskDecision("approve", null, null), Bob, Ct);

        // Assert
        Assert.IsType<DecideTaskResult.NotFound>(unknown);
        Assert.Equal(HumanTaskStatus.Cancelled, Assert.IsType<DecideTaskResult.Conflict>(cancelled).Status);
    }

    [Fact]
    public async Task WaitForHuman_RunningRun_ParksRunWithTaskOnce()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);

        // Act
        var task = await storage.Runs.WaitForHumanAsync(NewTask(run.Id), 0.5m, Ct);
        var again = await storage.Runs.WaitForHumanAsync(NewTask(run.Id), 0.5m, Ct);

        // Assert
        Assert.NotNull(task);
        Assert.Null(again);
        var stored = await storage.Runs.GetRunAsync(run.Id, Ct);
        Assert.Equal(RunStatus.WaitingForHuman, stored!.Status);
        Assert.Equal(0.5m, stored.Cost);
        var pending = await storage.Runs.ListTasksAsync(HumanTaskStatus.Pending, run.Id, 1, 10, Ct);
        Assert.Equal(task.Id, Assert.Single(pending.Items).Id);
    }

    [Fact]
    public async Task ClaimOrphanedRuns_DeadOwnerAndDecidedWaiting_ClaimsOnlyThoseOnce()
    {
        // Arrange: Running on a dead host, Running on a live host, waiting with a stored decision, waiting on a task.
        var storage = Storage;
        var orphan = await CreateRunAsync(storage, "host-dead");
        var alive = await CreateRunAsync(storage, "host-alive");
        var decided = await CreateRunAsync(storage, "host-alive");
        var task = await storage.Runs.WaitForHumanAsync(NewTask(decided.Id), 0m, Ct);
        await storage.Runs.DecideTaskAsync(task!.Id, new TaskDecision("approve", null, null), Olga, Ct);
        var waiting = await CreateRunAsync(storage, "host-dead");
        await storage.Runs.WaitForHumanAsync(NewTask(waiting.Id), 0m, Ct);
        string[] live = ["host-alive", "host-new"];

        // Act: two hosts claim at once.
        var claims = await Task.WhenAll(
            storage.Runs.ClaimOrphanedRunsAsync("host-new", live, 1000, Ct),
            storage.Runs.ClaimOrphanedRunsAsync("host-new", live, 1000, Ct));

        // Assert
        var ours = claims.SelectMany(c => c).Where(r => r.Id == orphan.Id || r.Id == alive.Id || r.Id == decided.Id || r.Id == waiting.Id).ToList();
        Assert.Equal(new[] { orphan.Id, decided.Id }.Order(), ours.Select(r => r.Id).Order());
        Assert.All(ours, r => Assert.Equal((RunStatus.Running, "host-new"), (r.Status, r.Owner)));
        Assert.Equal("host-alive", (await storage.Runs.GetRunAsync(alive.Id, Ct))!.Owner);
        Assert.Equal(RunStatus.WaitingForHuman, (await storage.Runs.GetRunAsync(waiting.Id, Ct))!.Status);
    }

    private static async Task<RunRecord> CreateRunAsync(TestStorage storage, string? owner = null)
    {
        var created = await CreateAsync(storage);
        var version = await PublishAsync(storage, created);
        return await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, version.Number, version.ContentHash, "{}", owner), Olga, Ct);
    }

    private static NewHumanTask NewTask(Guid runId) =>
        new(runId, "review", $"{runId}:review:1", "approver", "Check it", "[]", ["approve", "reject"], ["note"], null);
}
