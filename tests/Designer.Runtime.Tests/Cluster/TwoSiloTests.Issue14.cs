using System.Security.Cryptography;
using Designer.Persistence;
using Designer.Runtime.Grains;
using Designer.Runtime.Hosting;
using Designer.Runtime.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Designer.Runtime.Tests.Cluster;

/// <summary>Issue 14 item 6: the run grain does not trust a caller's actor id without the web host's signature.</summary>
public sealed partial class TwoSiloTests
{
    [Fact]
    public async Task RunGrain_Issue14_UnsignedForgedOrStaleCommandsRefused_TaskStaysPending_SignedDecisionCompletes()
    {
        // Arrange: one silo with a configured key (as Redis clustering requires), a run parked at its gate.
        var ct = TestContext.Current.CancellationToken;
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var parked = await ParkAtGateAsync(key, ct);
        var (store, runId, task, grain, signer) = (parked.Store, parked.RunId, parked.Task, parked.Grain, parked.Signer);
        var otherKey = new GrainCallSigner(Options.Create(new RuntimeOptions { GrainCallKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), TimeProvider.System);
        var stale = new GrainCallSigner(Options.Create(new RuntimeOptions { GrainCallKey = key }), new ShiftedTime(TimeSpan.FromMinutes(-3)));
        var decision = new RunGrainDecision { TaskId = task.Id, Decision = "approve", ActorId = Bob.Id, ActorName = Bob.Name };
        var cancel = new RunGrainCancel { ActorId = Bob.Id, ActorName = Bob.Name };

        // Act
        var unsigned = await grain.DecideAsync(decision);
        var wrongKey = await grain.DecideAsync(otherKey.Sign(runId, decision));
        var actorSwapped = await grain.DecideAsync(signer.Sign(runId, decision) with { ActorId = "mallory", ActorName = "Mallory" });
        var otherRun = await grain.DecideAsync(signer.Sign(Guid.NewGuid(), decision));
        var tooOld = await grain.DecideAsync(stale.Sign(runId, decision));
        var unsignedCancel = await grain.CancelAsync(cancel);
        var stillPending = await store.GetTaskAsync(task.Id, ct);
        var stillWaiting = await store.GetRunAsync(runId, ct);
        var signedOutcome = await grain.DecideAsync(signer.Sign(runId, decision));
        var done = await WaitForAsync(store, runId, RunStatus.Completed);

        // Assert
        Assert.All([unsigned, wrongKey, actorSwapped, otherRun, tooOld], o => Assert.Equal(RunGrainOutcomeKind.Refused, o.Kind));
        Assert.Equal(RunGrainOutcomeKind.Refused, unsignedCancel.Kind);
        Assert.Equal(HumanTaskStatus.Pending, stillPending!.Status);
        Assert.Equal(RunStatus.WaitingForHuman, stillWaiting!.Status);
        Assert.Equal(RunGrainOutcomeKind.Ok, signedOutcome.Kind);
        Assert.Equal("analyst", done.EndNode);
        Assert.Equal(Bob.Id, (await store.GetTaskAsync(task.Id, ct))!.DecidedById);
    }

    [Fact]
    public async Task RunGrain_Issue14_ReplayedSignedCommand_RefusedEvenWithinItsValidity()
    {
        // Arrange: a run parked at its gate; one signed decision the grain rejects as invalid (no state change).
        var ct = TestContext.Current.CancellationToken;
        await using var parked = await ParkAtGateAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ct);
        var (store, runId, task, grain, signer) = (parked.Store, parked.RunId, parked.Task, parked.Grain, parked.Signer);
        var invalid = signer.Sign(runId, new RunGrainDecision { TaskId = task.Id, Decision = "no-such-decision", ActorId = Bob.Id, ActorName = Bob.Name });
        var approve = signer.Sign(runId, new RunGrainDecision { TaskId = task.Id, Decision = "approve", ActorId = Bob.Id, ActorName = Bob.Name });
        var cancel = signer.Sign(runId, new RunGrainCancel { ActorId = Bob.Id, ActorName = Bob.Name });

        // Act
        var firstInvalid = await grain.DecideAsync(invalid);
        var replayedInvalid = await grain.DecideAsync(invalid);
        var otherNonce = await grain.DecideAsync(approve with { Nonce = GrainCallSigner.NewNonce() });
        var noNonce = await grain.DecideAsync(approve with { Nonce = null });
        var accepted = await grain.DecideAsync(approve);
        var replayedApprove = await grain.DecideAsync(approve);
        var resigned = await grain.DecideAsync(signer.Sign(runId, new RunGrainDecision { TaskId = task.Id, Decision = "approve", ActorId = Bob.Id, ActorName = Bob.Name }));
        await WaitForAsync(store, runId, RunStatus.Completed);
        var firstCancel = await grain.CancelAsync(cancel);
        var replayedCancel = await grain.CancelAsync(cancel);

        // Assert: a nonce cannot be swapped or dropped (signed), a seen one is refused, a fresh signing is a new command.
        Assert.Equal(RunGrainOutcomeKind.Invalid, firstInvalid.Kind);
        Assert.Equal(RunGrainOutcomeKind.Refused, replayedInvalid.Kind);
        Assert.Contains("replay", replayedInvalid.Message, StringComparison.Ordinal);
        Assert.Equal(RunGrainOutcomeKind.Refused, otherNonce.Kind);
        Assert.Equal(RunGrainOutcomeKind.Refused, noNonce.Kind);
        Assert.Equal(RunGrainOutcomeKind.Ok, accepted.Kind);
        Assert.Equal(RunGrainOutcomeKind.Refused, replayedApprove.Kind);
        Assert.Equal(RunGrainOutcomeKind.Conflict, resigned.Kind);
        Assert.Equal(RunGrainOutcomeKind.Conflict, firstCancel.Kind);
        Assert.Equal(RunGrainOutcomeKind.Refused, replayedCancel.Kind);
        Assert.NotEqual(invalid.Nonce, approve.Nonce);
    }

    [Fact]
    public void Validate_Issue14_GrainCallKeyShorterThan32BytesOrNotBase64_RefusedWithoutQuotingIt()
    {
        // Arrange
        var validator = new RuntimeOptionsValidator();
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        // Act
        var tooShort = validator.Validate(null, new RuntimeOptions { GrainCallKey = shortKey });
        var notBase64 = validator.Validate(null, new RuntimeOptions { GrainCallKey = "not base64 at all!" });
        var good = validator.Validate(null, new RuntimeOptions { GrainCallKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        // Assert
        Assert.True(tooShort.Failed);
        Assert.DoesNotContain(shortKey, tooShort.FailureMessage, StringComparison.Ordinal);
        Assert.True(notBase64.Failed);
        Assert.True(good.Succeeded);
    }

    /// <summary>One silo (SQLite, grain call key <paramref name="key"/>) with a run of the gate workflow parked at its gate.</summary>
    private static async Task<ParkedAtGate> ParkAtGateAsync(string key, CancellationToken ct)
    {
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = StorageOptions.Sqlite,
            ["Designer:Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"designer-grain-{Guid.NewGuid():N}.db")}",
            ["Designer:Runtime:GrainCallKey"] = key,
        }));
        builder.AddSiloBuilderConfigurator<DesignerSilo>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(CancellationToken.None);
            var services = Assert.IsType<InProcessSiloHandle>(cluster.Primary).SiloHost.Services;
            var store = services.GetRequiredService<IRunStore>();
            var started = await services.GetRequiredService<RunService>().StartAsync(await PublishAsync(services.GetRequiredService<IWorkflowStore>(), ct), Input(6000), Alice, ct);
            var runId = Assert.IsType<RunRecord>(started.Value).Id;
            await WaitForAsync(store, runId, RunStatus.WaitingForHuman);
            var task = Assert.Single((await store.ListTasksAsync(HumanTaskStatus.Pending, runId, 1, 10, ct)).Items);
            return new ParkedAtGate(cluster, store, runId, task, cluster.Client.GetGrain<IRunGrain>(runId), services.GetRequiredService<GrainCallSigner>());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private sealed record ParkedAtGate(TestCluster Cluster, IRunStore Store, Guid RunId, HumanTaskRecord Task, IRunGrain Grain, GrainCallSigner Signer) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Cluster.DisposeAsync();
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
