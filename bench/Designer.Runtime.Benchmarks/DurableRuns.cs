using System.Diagnostics;
using Designer.Persistence;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Policies;
using Designer.Runtime.Runs;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Designer.Runtime.Benchmarks;

/// <summary>
/// The path a run takes between the 202 and Completed, without HTTP: create the run row, run it through
/// <see cref="WorkflowRunner"/> with the durable checkpoint store and trace sink on a fresh SQLite file, transition it
/// to Completed — sequentially, so the numbers are per-run latency and CPU of the storage path.
/// </summary>
internal static class DurableRuns
{
    private static readonly Actor Author = new("bench-author", "Bench author");
    private static readonly Actor Approver = new("bench-approver", "Bench approver");
    private static readonly RunStatus[] FromRunning = [RunStatus.Running];

    public static async Task RunAsync(int runs, bool hold)
    {
        using var counts = new SqlCounts();
        var data = Path.Combine(Path.GetTempPath(), "designer-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Designer:DataDirectory"] = data;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddDesignerPersistence();
        // The app's run store tokenises every payload through the run vault (issue 14), so the bench does too.
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<IPiiDetector, PiiDetector>();
        builder.Services.AddSingleton<RunVault>();
        using var host = builder.Build();
        try
        {
            var ct = CancellationToken.None;
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            var store = host.Services.GetRequiredService<IRunStore>();
            var workflows = host.Services.GetRequiredService<IWorkflowStore>();
            var definition = ThreeNodeWorkflow.Create();
            var json = WorkflowJson.Serialize(definition);
            var created = await workflows.CreateWorkflowAsync("Bench", null, json, Author, ct);
            var draft = await workflows.GetDraftAsync(created.Workflow.Id, ct);
            var hash = ContentHash.Compute(definition);
            var submitted = await workflows.SubmitVersionAsync(created.Workflow.Id, json, hash, draft!.ETag, Author, null, ct);
            var approved = submitted.IsSuccess ? await workflows.ApproveVersionAsync(created.Workflow.Id, submitted.Value!.Number, Approver, null, ct) : null;
            var version = approved is { IsSuccess: true } ? approved.Value! : throw new InvalidOperationException("Publishing the bench workflow failed.");

            var faults = new StorageFaults();
            // Issue 15: rows with their checkpoint, checkpoints only where resuming needs them, as the app does by
            // default; DESIGNER_BENCH_BATCH=0 writes every row and checkpoint in its own transaction (as before).
            var batch = Environment.GetEnvironmentVariable("DESIGNER_BENCH_BATCH") != "0";
            var sink = new DurableTraceSink(store, faults, null, batch, TimeProvider.System);
            var services = new RuntimeServices { Sandbox = new ExpressionSandbox(), Trace = sink, Time = TimeProvider.System };
            var compiled = new WorkflowCompiler(services).Compile(definition, hash);
            var runner = new WorkflowRunner(new DurableCheckpointStore(store, faults, null, sink), TimeProvider.System);
            var newRun = new NewRun(created.Workflow.Id, version.Number, version.ContentHash, "{}");

            var writes = hold ? host.Services.GetRequiredService<IRunWriteCache>() : NullRunWriteCache.Instance;
            await RunManyAsync(store, writes, runner, sink, compiled, newRun, 100);
            var (commandsBefore, savesBefore) = (counts.Commands, counts.Saves);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await RunManyAsync(store, writes, runner, sink, compiled, newRun, runs);
            var elapsed = stopwatch.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var commands = (counts.Commands - commandsBefore) / (double)runs;
            var saves = (counts.Saves - savesBefore) / (double)runs;
            Console.WriteLine($"durable: {runs} sequential runs of start -> condition -> end, run row + checkpoints + trace rows on SQLite, no HTTP");
            Console.WriteLine($"  per run  : {elapsed.TotalMicroseconds / runs,9:F0} us  {runs / elapsed.TotalSeconds,8:F0} runs/s (1 at a time)");
            Console.WriteLine($"  CPU      : {cpu.TotalMilliseconds / runs,9:F2} ms/run");
            Console.WriteLine($"  SQL      : {commands,9:F1} commands/run, {saves:F1} SaveChanges (transactions)/run, run write state held: {hold}, batched: {batch}");
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Temp is cleaned by the OS.
            }
        }
    }

    private static async Task RunManyAsync(IRunStore store, IRunWriteCache writes, WorkflowRunner runner, DurableTraceSink sink, CompiledWorkflow compiled, NewRun newRun, int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            var run = await store.CreateRunAsync(newRun, Author, CancellationToken.None);
            writes.Hold(run.Id);
            sink.Begin(run.Id);
            var result = await runner.StartAsync(compiled, run.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture), ThreeNodeWorkflow.Input(i), CancellationToken.None);
            if (result.Status != WorkflowRunStatus.Completed)
            {
                throw new InvalidOperationException($"Run failed: {result.Error}");
            }

            // As RunService does: the run's last rows go with its final status change.
            var transition = new RunTransition(RunStatus.Completed, result.Output?.ToJsonString(), result.EndNode, null, sink.TakeCost(run.Id));
            await store.TransitionWithTraceAsync(run.Id, FromRunning, transition, sink.TakeRows(run.Id), CancellationToken.None);
            await sink.EndAsync(run.Id);
            writes.Release(run.Id);
        }
    }
}
