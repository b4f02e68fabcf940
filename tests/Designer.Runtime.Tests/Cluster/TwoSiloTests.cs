using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Grains;
using Designer.Runtime.Recovery;
using Designer.Runtime.Runs;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace Designer.Runtime.Tests.Cluster;

/// <summary>
/// Two silos of an Orleans TestCluster over one SQLite file (durable rows, no grain storage): the silo hosting a
/// waiting run's grain is killed, and the decision completes the run on the other silo.
/// </summary>
public sealed partial class TwoSiloTests
{
    private static readonly Actor Alice = new("alice", "Alice Author");
    private static readonly Actor Bob = new("bob", "Bob Approver");

    [Fact]
    public async Task KillSilo_HostingWaitingRunsGrain_DecisionCompletesOnOtherSilo()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"designer-silos-{Guid.NewGuid():N}.db");
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = StorageOptions.Sqlite,
            ["Designer:Storage:ConnectionString"] = $"Data Source={file}",
        }));
        builder.AddSiloBuilderConfigurator<DesignerSilo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var primary = Assert.IsType<InProcessSiloHandle>(cluster.Primary).SiloHost.Services;
        var store = primary.GetRequiredService<IRunStore>();
        var workflowId = await PublishAsync(primary.GetRequiredService<IWorkflowStore>(), ct);
        var started = await primary.GetRequiredService<RunService>().StartAsync(workflowId, Input(6000), Alice, ct);
        var runId = Assert.IsType<RunRecord>(started.Value).Id;
        await WaitForAsync(store, runId, RunStatus.WaitingForHuman);
        var task = Assert.Single((await store.ListTasksAsync(HumanTaskStatus.Pending, runId, 1, 10, ct)).Items);
        // Parking arms the gate's SLA reminder, which activates the run's grain: find its silo and kill it. The
        // reminder is armed just after the waiting status is stored, so the activation may not exist yet.
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var grain = cluster.Client.GetGrain<IRunGrain>(runId);
        var hosting = await WaitForActivationAsync(management, grain);
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(hosting));
        var survivor = Assert.IsType<InProcessSiloHandle>(cluster.Silos.Single(s => !s.SiloAddress.Equals(hosting))).SiloHost.Services.GetRequiredService<IRunStore>();

        var signed = primary.GetRequiredService<GrainCallSigner>().Sign(runId, new RunGrainDecision { TaskId = task.Id, Decision = "approve", ActorId = Bob.Id, ActorName = Bob.Name });

        // Act
        await cluster.KillSiloAsync(victim);
        var outcome = await grain.DecideAsync(signed);
        var done = await WaitForAsync(survivor, runId, RunStatus.Completed);

        // Assert
        Assert.Equal(RunGrainOutcomeKind.Ok, outcome.Kind);
        Assert.NotEqual(hosting, await management.GetActivationAddress(grain));
        Assert.Equal("analyst", done.EndNode);
        Assert.Equal("approve", JsonNode.Parse(done.OutputJson!)!["decision"]!.GetValue<string>());
    }

    private static async Task<SiloAddress> WaitForActivationAsync(IManagementGrain management, IRunGrain grain)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await management.GetActivationAddress(grain) is { } address)
            {
                return address;
            }

            Assert.True(DateTime.UtcNow < deadline, "the run's grain was never activated by its gate's SLA reminder");
            await Task.Delay(20);
        }
    }

    private static async Task<RunRecord> WaitForAsync(IRunStore store, Guid runId, RunStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await store.GetRunAsync(runId, CancellationToken.None);
            if (run?.Status == status)
            {
                return run;
            }

            Assert.True(run is not null && !run.IsTerminal && DateTime.UtcNow < deadline, $"run is {run?.Status} ({run?.Error}), expected {status}");
            await Task.Delay(50);
        }
    }

    private static async Task<Guid> PublishAsync(IWorkflowStore workflows, CancellationToken ct)
    {
        var definition = GateWorkflow();
        var json = WorkflowJson.Serialize(definition);
        var created = await workflows.CreateWorkflowAsync("Two silos " + Guid.NewGuid().ToString("N")[..6], null, json, Alice, ct);
        var draft = await workflows.GetDraftAsync(created.Workflow.Id, ct);
        var version = await workflows.SubmitVersionAsync(created.Workflow.Id, json, ContentHash.Compute(definition), draft!.ETag, Alice, null, ct);
        Assert.True(version.IsSuccess, version.Error?.Detail);
        var approved = await workflows.ApproveVersionAsync(created.Workflow.Id, version.Value.Number, Bob, null, ct);
        Assert.True(approved.IsSuccess, approved.Error?.Detail);
        return created.Workflow.Id;
    }

    /// <summary>The demo's policy → review gate → end, without retrieval and model nodes.</summary>
    private static WorkflowDefinition GateWorkflow()
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes = [.. definition.Nodes.Where(n => n.Id is not ("similar" or "risk"))];
        var rules = definition.Nodes.Single(n => n.Id == "policy").Config["rules"]!.AsArray();
        rules.Remove(rules.Single(r => r!["id"]!.GetValue<string>() == "high-risk"));
        definition.Edges =
        [
            .. definition.Edges.Where(e => e.From.Node is not ("start" or "similar" or "risk")),
            new EdgeDefinition { Id = "e0", From = new PortRef("start", "next"), To = new PortRef("policy", NodeKinds.InputPort) },
        ];
        return definition;
    }

    private static JsonObject Input(double amount) => new()
    {
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["category"] = "quality",
        ["merchant"] = "Maple Books",
        ["description"] = "The book arrived with a torn cover.",
    };

    private sealed class DesignerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseInMemoryReminderService();
            var app = new SiloApplicationBuilder(siloBuilder);
            app.AddDesignerPersistence();
            app.AddDesignerRuntime();
            siloBuilder.Services.Replace(ServiceDescriptor.Singleton<IRunOwnership, SiloRunOwnership>());
        }
    }
}
