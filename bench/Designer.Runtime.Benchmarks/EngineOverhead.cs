using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.State;
using Designer.Runtime.Tracing;
using Designer.Workflows.Serialization;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Agents.AI.Workflows.Checkpointing;

namespace Designer.Runtime.Benchmarks;

/// <summary>
/// The same three executors, (a) called one after another with a bare context, (b) run by MAF through
/// <see cref="WorkflowRunner"/> with a JSON checkpoint per superstep kept in memory. Both trace to a sink that drops
/// events, so the difference is MAF's superstep machinery plus checkpoint serialisation.
/// </summary>
internal static class EngineOverhead
{
    private static readonly MethodInfo Execute = typeof(Executor).GetMethod(
            "ExecuteCoreAsync",
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            [typeof(object), typeof(TypeId), typeof(IWorkflowContext), typeof(CancellationToken)])
        ?? throw new InvalidOperationException("MAF's Executor.ExecuteCoreAsync is gone.");

    public static async Task RunAsync(int runs)
    {
        var services = new RuntimeServices { Sandbox = new ExpressionSandbox(), Trace = new DropSink(), Time = TimeProvider.System };
        var definition = ThreeNodeWorkflow.Create();
        var compiled = new WorkflowCompiler(services).Compile(definition, ContentHash.Compute(definition));
        var runner = new WorkflowRunner(new MemoryCheckpoints(), TimeProvider.System);

        // Warm up both paths (JIT, Jint), then measure each in turn.
        await DirectAsync(compiled, 200);
        await EngineAsync(runner, compiled, 200);
        await NoCheckpointsAsync(compiled, 200);
        var direct = await DirectAsync(compiled, runs);
        var bare = await NoCheckpointsAsync(compiled, runs);
        var engine = await EngineAsync(runner, compiled, runs);
        var directPerRun = direct.TotalMicroseconds / runs;
        var enginePerRun = engine.TotalMicroseconds / runs;
        Console.WriteLine($"engine overhead, {runs} sequential runs of start -> condition -> end (3 nodes)");
        Console.WriteLine($"  direct executor calls : {directPerRun,9:F1} us/run  {directPerRun / 3,8:F1} us/node  {runs / direct.TotalSeconds,9:F0} runs/s");
        var barePerRun = bare.TotalMicroseconds / runs;
        Console.WriteLine($"  MAF, no checkpoints   : {barePerRun,9:F1} us/run  {barePerRun / 3,8:F1} us/node  {runs / bare.TotalSeconds,9:F0} runs/s");
        Console.WriteLine($"  MAF + checkpoints     : {enginePerRun,9:F1} us/run  {enginePerRun / 3,8:F1} us/node  {runs / engine.TotalSeconds,9:F0} runs/s");
        Console.WriteLine($"  engine overhead       : {(enginePerRun - directPerRun) / 3,9:F1} us/node  ({enginePerRun / directPerRun:F1}x direct)");
    }

    private static async Task<TimeSpan> DirectAsync(CompiledWorkflow compiled, int runs)
    {
        var type = new TypeId(typeof(NodeMessage));
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var context = new DirectContext();
            object message = new NodeMessage(string.Empty, "start", RunState.Create($"direct-{i}", ThreeNodeWorkflow.Input(i)));
            foreach (var id in (string[])["start", "check", "done"])
            {
                await (ValueTask<object?>)Execute.Invoke(compiled.Executors[id], [message, type, context, CancellationToken.None])!;
                message = context.Sent!;
            }

            if (context.Output is not RunOutput)
            {
                throw new InvalidOperationException("The direct path produced no output.");
            }
        }

        return stopwatch.Elapsed;
    }

    /// <summary>MAF's in-process runner on the same graph without a checkpoint manager: separates the two costs.</summary>
    private static async Task<TimeSpan> NoCheckpointsAsync(CompiledWorkflow compiled, int runs)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var message = new NodeMessage(string.Empty, "start", RunState.Create($"bare-{i}", ThreeNodeWorkflow.Input(i)));
            await using var run = await InProcessExecution.RunStreamingAsync(compiled.CreateWorkflow(), message, $"bare-{i}", CancellationToken.None);
            var done = false;
            await foreach (var evt in run.WatchStreamAsync(blockOnPendingRequest: false, CancellationToken.None))
            {
                done |= evt is WorkflowOutputEvent;
            }

            if (!done)
            {
                throw new InvalidOperationException("The run without checkpoints produced no output.");
            }
        }

        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> EngineAsync(WorkflowRunner runner, CompiledWorkflow compiled, int runs)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var result = await runner.StartAsync(compiled, $"engine-{i}", ThreeNodeWorkflow.Input(i), CancellationToken.None);
            if (result.Status != WorkflowRunStatus.Completed)
            {
                throw new InvalidOperationException($"Run failed: {result.Error}");
            }
        }

        return stopwatch.Elapsed;
    }

    private sealed class DropSink : ITraceSink
    {
        public ValueTask WriteAsync(TraceEvent traceEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class MemoryCheckpoints : IRunCheckpointStore
    {
        private readonly ConcurrentDictionary<string, List<RunCheckpoint>> _runs = new(StringComparer.Ordinal);

        public ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken)
        {
            var list = _runs.GetOrAdd(runId, _ => []);
            lock (list)
            {
                list.Add(checkpoint);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask<RunCheckpoint?> GetAsync(string runId, string checkpointId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_runs.TryGetValue(runId, out var list) ? list.FirstOrDefault(c => c.CheckpointId == checkpointId) : null);

        public ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<RunCheckpoint>>(_runs.TryGetValue(runId, out var list) ? [.. list] : []);
    }
}
