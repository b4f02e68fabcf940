using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 12: the reviewer's edit of a model's draft is stored with the decision and proven in the audit chain.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task DecideTask_Issue12_WithCorrection_StoresItAndAuditsItsHashInOneChain()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        var task = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);
        const string correction = "Refund 120 EUR: the parcel tracking shows no delivery — ünïcode kept.";

        // Act
        var result = await storage.Runs.DecideTaskAsync(task.Id, new TaskDecision("approve", "draft was close", null, correction), Bob, Ct);

        // Assert
        var decided = Assert.IsType<DecideTaskResult.Decided>(result);
        Assert.Equal(correction, decided.Task.Correction);
        Assert.Equal(correction, (await storage.Runs.GetTaskAsync(task.Id, Ct))!.Correction);
        var entry = Assert.Single((await storage.Audit.ListAsync(1, 10, $"{run.Id:D}/{task.NodeId}", Ct)).Items);
        Assert.Equal(AuditActions.TaskDecided, entry.Action);
        Assert.Equal(Bob.Id, entry.ActorId);
        var data = JsonNode.Parse(entry.DataJson!)!;
        Assert.True((bool)data["corrected"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(correction))), (string?)data["correctionSha256"]);
        Assert.DoesNotContain("parcel", entry.DataJson!, StringComparison.Ordinal);
        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task DecideTask_Issue12_LosingConcurrentDecision_WritesNoAuditEntry()
    {
        // Arrange
        var storage = Storage;
        var run = await CreateRunAsync(storage);
        var task = await storage.Runs.CreateTaskAsync(NewTask(run.Id), Ct);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            storage.Runs.DecideTaskAsync(task.Id, new TaskDecision("approve", null, null, $"draft {i}"), Bob, Ct)));

        // Assert: one winner, one entry, and the stored correction is the winner's.
        var winner = Assert.IsType<DecideTaskResult.Decided>(Assert.Single(results, r => r is DecideTaskResult.Decided));
        var entry = Assert.Single((await storage.Audit.ListAsync(1, 10, $"{run.Id:D}/{task.NodeId}", Ct)).Items);
        Assert.False(string.IsNullOrEmpty(winner.Task.Correction));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(winner.Task.Correction!))),
            (string?)JsonNode.Parse(entry.DataJson!)!["correctionSha256"]);
    }
}
