using Designer.Persistence;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Runs;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Runtime.Tests.Runs;

/// <summary>
/// Issue 15 item 1 on a real SQLite run store: the demo run (retrieval and model nodes, then policy and end) with its
/// rows buffered, committed with the checkpoints of the supersteps that need one and with the final status change.
/// </summary>
public sealed class Issue15TraceBatchingTests
{
    private static readonly Actor Author = new("author", "Author");
    private static readonly string[] Path = ["start", "similar", "risk", "policy", "auto"];

    [Fact]
    public async Task DemoRun_Issue15Batched_CheckpointsOnlyAroundExpensiveNodesAndEveryRowOnceInOrder()
    {
        // Arrange
        using var host = Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        var store = host.Services.GetRequiredService<IRunStore>();
        var fixture = new RuntimeFixture(TimeProvider.System);
        var sink = new DurableTraceSink(store, new StorageFaults(), null, batch: true, TimeProvider.System);
        var services = new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = sink,
            Time = TimeProvider.System,
            Inference = fixture.Inference,
            VectorSearch = fixture.Search,
        };
        var definition = DemoWorkflows.DisputeTriage();
        var compiled = new WorkflowCompiler(services).Compile(definition, ContentHash.Compute(definition));
        var runner = new WorkflowRunner(new DurableCheckpointStore(store, new StorageFaults(), null, sink), TimeProvider.System);
        var run = await store.CreateRunAsync(new NewRun(await WorkflowAsync(host, definition), 1, "sha256:x", "{}"), Author, Ct);

        // Act
        sink.Begin(run.Id);
        var result = await runner.StartAsync(compiled, RunIds.Format(run.Id), RuntimeFixture.LowRiskInput(), Ct);
        var checkpointsBeforeEnd = await store.ListCheckpointsAsync(run.Id, Ct);
        var rowsBeforeEnd = await store.ListTraceAsync(run.Id, 0, 100, Ct);
        var done = await store.TransitionWithTraceAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, "{}", result.EndNode), sink.TakeRows(run.Id), Ct);
        await sink.EndAsync(run.Id);
        var trace = await store.ListTraceAsync(run.Id, 0, 100, Ct);

        // Assert: the retrieval and model supersteps persisted theirs; the replayable policy and end supersteps did not.
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal(RunStatus.Completed, done.Run!.Status);
        Assert.InRange(checkpointsBeforeEnd.Count, 2, 3);
        Assert.All(checkpointsBeforeEnd, c => Assert.True(CheckpointJson.HasPendingWork(c.Json)));
        Assert.Contains(rowsBeforeEnd, r => r.Kind == TraceEventKinds.NodeCompleted && r.NodeId == "risk");
        Assert.DoesNotContain(rowsBeforeEnd, r => r.NodeId == "auto");
        Assert.NotEmpty(done.Trace);
        Assert.Equal(Enumerable.Range(1, trace.Count).Select(i => (long)i), trace.Select(r => r.Sequence));
        Assert.Equal(Path, trace.Where(r => r.Kind == TraceEventKinds.NodeInvoked).Select(r => r.NodeId));
        Assert.Equal(Path, trace.Where(r => r.Kind == TraceEventKinds.NodeCompleted).Select(r => r.NodeId));
        foreach (var node in Path)
        {
            // In event order: each node's invocation precedes its completion, which precedes the next node's invocation.
            var invoked = trace.Single(r => r.Kind == TraceEventKinds.NodeInvoked && r.NodeId == node).Sequence;
            var completed = trace.Single(r => r.Kind == TraceEventKinds.NodeCompleted && r.NodeId == node).Sequence;
            Assert.True(invoked < completed, $"{node}: invoked {invoked}, completed {completed}");
        }
    }

    [Fact]
    public async Task SaveCheckpoint_Issue15ReplayableSuperstep_HeldUntilItsRowsAreOlderThanTheBound()
    {
        // Arrange
        using var host = Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        var store = host.Services.GetRequiredService<IRunStore>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new DurableTraceSink(store, new StorageFaults(), null, batch: true, time);
        var run = await store.CreateRunAsync(new NewRun(await WorkflowAsync(host, DemoWorkflows.DisputeTriage()), 1, "sha256:x", "{}"), Author, Ct);
        sink.Begin(run.Id);

        // Act: a replayable superstep ends young (held), the next one ends with a row past the age bound (stored).
        await sink.WriteAsync(Event(run.Id, TraceEventKinds.NodeCompleted, "start", NodeKinds.Start, time), Ct);
        await sink.SaveCheckpointAsync(run.Id, Checkpoint("c1", null, time), Ct);
        var afterYoung = (await store.ListCheckpointsAsync(run.Id, Ct)).Count;
        time.Advance(DurableTraceSink.MaxBufferAge);
        await sink.WriteAsync(Event(run.Id, TraceEventKinds.NodeCompleted, "policy", NodeKinds.Policy, time), Ct);
        await sink.SaveCheckpointAsync(run.Id, Checkpoint("c2", "c1", time), Ct);
        await sink.EndAsync(run.Id);

        // Assert: c1 was never written (c2 supersedes it); c2 came with both rows.
        Assert.Equal(0, afterYoung);
        Assert.Equal(["c2"], (await store.ListCheckpointsAsync(run.Id, Ct)).Select(c => c.CheckpointId));
        Assert.Equal(["start", "policy"], (await store.ListTraceAsync(run.Id, 0, 10, Ct)).Select(r => r.NodeId));
    }

    [Fact]
    public async Task Write_Issue15ExpensiveNodeStarts_HeldCheckpointAndRowsAndInvocationCommittedFirst()
    {
        // Arrange
        using var host = Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        var store = host.Services.GetRequiredService<IRunStore>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new DurableTraceSink(store, new StorageFaults(), null, batch: true, time);
        var run = await store.CreateRunAsync(new NewRun(await WorkflowAsync(host, DemoWorkflows.DisputeTriage()), 1, "sha256:x", "{}"), Author, Ct);
        sink.Begin(run.Id);
        await sink.WriteAsync(Event(run.Id, TraceEventKinds.NodeCompleted, "start", NodeKinds.Start, time), Ct);
        await sink.SaveCheckpointAsync(run.Id, Checkpoint("c1", null, time), Ct);

        // Act: a model node starts, then completes; its superstep's checkpoint follows.
        await sink.WriteAsync(Event(run.Id, TraceEventKinds.NodeInvoked, "risk", NodeKinds.Model, time), Ct);
        var whileCalling = await store.ListTraceAsync(run.Id, 0, 10, Ct);
        var checkpointsWhileCalling = await store.ListCheckpointsAsync(run.Id, Ct);
        await sink.WriteAsync(Event(run.Id, TraceEventKinds.NodeCompleted, "risk", NodeKinds.Model, time), Ct);
        await sink.SaveCheckpointAsync(run.Id, Checkpoint("c2", "c1", time), Ct);
        await sink.EndAsync(run.Id);

        // Assert
        Assert.Equal([("node.completed", "start"), ("node.invoked", "risk")], whileCalling.Select(r => (r.Kind, r.NodeId!)));
        Assert.Equal(["c1"], checkpointsWhileCalling.Select(c => c.CheckpointId));
        Assert.Equal(["c1", "c2"], (await store.ListCheckpointsAsync(run.Id, Ct)).Select(c => c.CheckpointId));
        Assert.Equal([1L, 2L, 3L], (await store.ListTraceAsync(run.Id, 0, 10, Ct)).Select(r => r.Sequence));
    }

    private static TraceEvent Event(Guid runId, string kind, string nodeId, string nodeKind, TimeProvider time) => new()
    {
        RunId = RunIds.Format(runId),
        Kind = kind,
        NodeId = nodeId,
        NodeKind = nodeKind,
        StartedAt = time.GetUtcNow(),
    };

    private static RunCheckpointRecord Checkpoint(string id, string? parent, TimeProvider time) => new(id, parent, "{}", time.GetUtcNow());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> WorkflowAsync(IHost host, Workflows.Definitions.WorkflowDefinition definition)
    {
        var workflows = host.Services.GetRequiredService<IWorkflowStore>();
        var created = await workflows.CreateWorkflowAsync("Batched " + Guid.NewGuid().ToString("N")[..6], null, WorkflowJson.Serialize(definition), Author, Ct);
        var draft = await workflows.GetDraftAsync(created.Workflow.Id, Ct);
        var submitted = await workflows.SubmitVersionAsync(created.Workflow.Id, WorkflowJson.Serialize(definition), ContentHash.Compute(definition), draft!.ETag, Author, null, Ct);
        Assert.True(submitted.IsSuccess);
        return created.Workflow.Id;
    }

    private static IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = System.IO.Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = StorageOptions.Sqlite,
            ["Designer:Storage:ConnectionString"] = $"Data Source={System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"designer-batch-{Guid.NewGuid():N}.db")}",
        });
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        return builder.Build();
    }
}
