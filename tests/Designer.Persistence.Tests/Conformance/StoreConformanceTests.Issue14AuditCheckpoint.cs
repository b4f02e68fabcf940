using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14 item 6: a signed checkpoint of the head, kept outside the database, detects a cut-off tail.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task CheckpointVerify_Issue14_UnchangedChainWithNewerEntries_IsValid()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();
        var checkpoints = storage.Services.GetRequiredService<AuditCheckpoints>();
        var checkpoint = await checkpoints.CreateAsync(Ct);
        await storage.Audit.AppendAsync(Alice, "test.later", "test", "entity-later", null, Ct);

        // Act
        var verification = await checkpoints.VerifyAsync(checkpoint, Ct);

        // Assert
        Assert.Equal(5, checkpoint.Sequence);
        Assert.Equal(new AuditCheckpointVerification(true, null, 6), verification);
    }

    [Fact]
    public async Task CheckpointVerify_Issue14_NewestEntriesDeleted_ReportsTruncation()
    {
        // Arrange: the chain that is left still verifies on its own — only the checkpoint can tell.
        var storage = await AuditChainOfFiveAsync();
        var checkpoints = storage.Services.GetRequiredService<AuditCheckpoints>();
        var checkpoint = await checkpoints.CreateAsync(Ct);
        await ExecuteSqlAsync(storage, """DELETE FROM "AuditEntries" WHERE "Sequence" >= 4""", expectedRows: 2);
        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);

        // Act
        var verification = await checkpoints.VerifyAsync(checkpoint, Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.ChainHead);
        Assert.Contains("Entry 5", verification.Reason, StringComparison.Ordinal);
        Assert.Contains("removed", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointVerify_Issue14_AnchoredEntryRewritten_ReportsIt()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();
        var checkpoints = storage.Services.GetRequiredService<AuditCheckpoints>();
        var checkpoint = await checkpoints.CreateAsync(Ct);
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Hash" = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE "Sequence" = 5""");

        // Act
        var verification = await checkpoints.VerifyAsync(checkpoint, Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Contains("no longer has the hash", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeriodicCheckpoint_Issue14_AppendsOneVerifiableLineEachTimeTheHeadMoved()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();
        var checkpoints = storage.Services.GetRequiredService<AuditCheckpoints>();
        var folder = Path.Combine(Path.GetTempPath(), "designer-checkpoints-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Designer:DataDirectory"] = folder }).Build();
        var service = new AuditCheckpointService(
            checkpoints, TimeProvider.System, Options.Create(new AuditOptions()), configuration,
            storage.Services.GetRequiredService<IHostEnvironment>(), NullLogger<AuditCheckpointService>.Instance);

        try
        {
            // Act: the head moves between the second and the third tick only.
            await service.WriteAsync(Ct);
            await service.WriteAsync(Ct);
            await storage.Audit.AppendAsync(Alice, "test.later", "test", "entity-later", null, Ct);
            await service.WriteAsync(Ct);
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "audit", "checkpoints.jsonl"), Ct);

            // Assert
            var written = lines.Select(l => JsonSerializer.Deserialize<AuditCheckpoint>(l, JsonSerializerOptions.Web)!).ToList();
            Assert.Equal([5L, 6L], written.Select(c => c.Sequence));
            foreach (var checkpoint in written)
            {
                Assert.True((await checkpoints.VerifyAsync(checkpoint, Ct)).IsValid);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task CheckpointVerify_Issue14_ForgedFields_FailTheSignature()
    {
        // Arrange: a forger who truncated the chain to entry 3 rewrites the checkpoint to match it.
        var storage = await AuditChainOfFiveAsync();
        var checkpoints = storage.Services.GetRequiredService<AuditCheckpoints>();
        var checkpoint = await checkpoints.CreateAsync(Ct);
        var head3 = (await storage.Audit.ListAsync(1, 10, null, Ct)).Items.Single(e => e.Sequence == 3);
        var forged = checkpoint with { Sequence = 3, Hash = head3.Hash };
        var otherTime = checkpoint with { SignedAt = checkpoint.SignedAt.AddDays(1) };

        // Act
        var forgedVerdict = await checkpoints.VerifyAsync(forged, Ct);
        var timeVerdict = await checkpoints.VerifyAsync(otherTime, Ct);
        var garbage = await checkpoints.VerifyAsync(checkpoint with { Signature = "not base64!" }, Ct);

        // Assert
        Assert.All([forgedVerdict, timeVerdict, garbage], v =>
        {
            Assert.False(v.IsValid);
            Assert.Contains("signature does not verify", v.Reason, StringComparison.Ordinal);
        });
    }
}
