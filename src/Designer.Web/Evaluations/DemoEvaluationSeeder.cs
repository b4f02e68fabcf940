using Designer.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>
/// With the demo seed and its corpus (<c>Designer:Demo:Seed</c> and <c>SeedCorpus</c>), stores the held-out
/// evaluation dataset <see cref="DemoHoldout.DatasetName"/> for the "Dispute triage" workflow once.
/// </summary>
internal sealed partial class DemoEvaluationSeeder(
    IEvaluationStore store, IWorkflowStore workflows, IOptions<DemoOptions> options, IHostEnvironment environment,
    ILogger<DemoEvaluationSeeder> logger) : IHostedService
{
    private static readonly Actor SeedActor = new("system", "system");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedsDemo(environment) || !options.Value.SeedCorpus)
        {
            return;
        }

        var demo = DemoWorkflows.DisputeTriage();
        var found = await workflows.ListWorkflowsAsync(1, 1, demo.Name, cancellationToken);
        if (found.Items is not [var workflow, ..]
            || (await store.ListDatasetsAsync(workflow.Id, cancellationToken)).Any(d => d.Name == DemoHoldout.DatasetName))
        {
            return;
        }

        var cases = DemoHoldout.Cases();
        await store.CreateDatasetAsync(
            DemoHoldout.DatasetName, workflow.Id,
            $"Held-out disputes {DemoHoldout.FirstRecord:N0}–{DemoHoldout.FirstRecord + cases.Count - 1:N0} of the default generator seed: never used to train dispute-risk or fill past-disputes.",
            cases, SeedActor, cancellationToken);
        LogSeeded(logger, cases.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the held-out evaluation dataset ({Count} cases)")]
    private static partial void LogSeeded(ILogger logger, int count);
}
