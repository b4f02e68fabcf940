using System.Text.Json.Nodes;
using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Governance_EveryAction_AppendsOneAuditEntryForTheWorkflow()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var id = created.Workflow.Id;

        // Act
        var v1 = await SubmitAsync(storage, created);
        await storage.Workflows.ApproveVersionAsync(id, v1.Number, Alice, null, Ct); // refused: no entry
        await storage.Workflows.ApproveVersionAsync(id, v1.Number, Bob, "ok", Ct);
        var v2 = await SubmitAsync(storage, created);
        await storage.Workflows.RejectVersionAsync(id, v2.Number, Bob, "no", Ct);
        var v3 = await SubmitAsync(storage, created);
        await storage.Workflows.ApproveVersionAsync(id, v3.Number, Bob, null, Ct);
        await storage.Workflows.ActivateVersionAsync(id, v1.Number, Bob, Ct);
        await storage.Workflows.SaveDraftAsync(id, DraftJson, created.Draft.ETag, Alice, Ct); // drafts are not audited

        // Assert
        var page = await storage.Audit.ListAsync(1, 50, id.ToString(), Ct);
        Assert.Equal(
            [
                AuditActions.VersionActivated, AuditActions.VersionApproved, AuditActions.VersionSubmitted, AuditActions.VersionRejected,
                AuditActions.VersionSubmitted, AuditActions.VersionApproved, AuditActions.VersionSubmitted, AuditActions.WorkflowCreated,
            ],
            page.Items.Select(e => e.Action));
        Assert.All(page.Items, e => Assert.Equal(AuditActions.WorkflowEntityType, e.EntityType));
        var activated = JsonNode.Parse(page.Items[0].DataJson!)!;
        Assert.Equal(1, (int)activated["version"]!);
        Assert.Equal(3, (int)activated["previousActiveVersion"]!);
        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task AppendAsync_ReadBack_RoundTripsTimestampAndVerifies()
    {
        // Arrange
        var storage = await IsolatedAsync();

        // Act
        var appended = await storage.Audit.AppendAsync(Bob, "model.approved", "model", "risk-model@3", new JsonObject { ["note"] = "ünïcödé \"quoted\"" }, Ct);
        var page = await storage.Audit.ListAsync(1, 10, null, Ct);

        // Assert
        Assert.Equal(appended, Assert.Single(page.Items));
        Assert.Equal(1, appended.Sequence);
        Assert.Equal(new string('0', 64), appended.PreviousHash);
        Assert.Equal(0, appended.Timestamp.Ticks % 10);
        Assert.Equal(new AuditVerification(true, 1, null, null), await storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task AppendAsync_TwentyParallelAppends_ChainVerifies()
    {
        // Arrange
        var storage = await IsolatedAsync();

        // Act
        var appended = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => storage.Audit.AppendAsync(Alice, "test.parallel", "test", $"entity-{i}", null, Ct), Ct)));

        // Assert
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), appended.Select(e => e.Sequence).Order());
        Assert.Equal(new AuditVerification(true, 20, null, null), await storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task InsertAuditEntry_DuplicateSequence_IsRejectedByTheDatabase()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var existing = await storage.Audit.AppendAsync(Alice, "test.one", "test", "e", null, Ct);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Sequence = existing.Sequence,
            Timestamp = existing.Timestamp,
            ActorId = Bob.Id,
            ActorName = Bob.Name,
            Action = "test.fork",
            EntityType = "test",
            EntityId = "e",
            PreviousHash = existing.PreviousHash,
            Hash = existing.Hash,
        });

        // Act
        var act = () => db.SaveChangesAsync(Ct);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(act);
    }

    [Fact]
    public async Task AuditEntry_ModifiedThroughDbContext_Throws()
    {
        // Arrange
        var storage = await IsolatedAsync();
        await storage.Audit.AppendAsync(Alice, "test.one", "test", "e", null, Ct);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var row = await db.AuditEntries.SingleAsync(Ct);

        // Act
        row.ActorName = "Mallory";
        var act = () => db.SaveChangesAsync(Ct);

        // Assert
        await Assert.ThrowsAsync<ImmutableVersionException>(act);
    }

    [Fact]
    public async Task VerifyAsync_EmptyLog_IsValid()
    {
        // Arrange
        var storage = await IsolatedAsync();

        // Act
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.Equal(new AuditVerification(true, 0, null, null), verification);
    }

    [Fact]
    public async Task VerifyAsync_EntryDataEditedInDatabase_ReportsThatEntry()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();

        // Act
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "DataJson" = '[99]' WHERE "Sequence" = 3""");
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(2, verification.EntriesChecked);
        Assert.Contains("hash", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_EntryEditedWithRecomputedHash_ReportsTheNextEntry()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();

        // Act
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Hash" = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE "Sequence" = 2""");
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task VerifyAsync_EntryDeletedInDatabase_ReportsTheMissingSequence()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();

        // Act
        await ExecuteSqlAsync(storage, """DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Equal(3, verification.EntriesChecked);
        Assert.Contains("missing", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_DeletedEntryAndRenumberedTail_ReportsTheBrokenLink()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();

        // Act
        await ExecuteSqlAsync(storage, """DELETE FROM "AuditEntries" WHERE "Sequence" = 2""");
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Sequence" = "Sequence" - 1 WHERE "Sequence" = 3""");
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task VerifyAsync_TwoEntriesSwappedInDatabase_ReportsTheFirstSwappedSequence()
    {
        // Arrange
        var storage = await AuditChainOfFiveAsync();

        // Act
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Sequence" = -1 WHERE "Sequence" = 2""");
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Sequence" = 4""");
        await ExecuteSqlAsync(storage, """UPDATE "AuditEntries" SET "Sequence" = 4 WHERE "Sequence" = -1""");
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.False(verification.IsValid);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Equal(1, verification.EntriesChecked);
    }

    private async Task<TestStorage> AuditChainOfFiveAsync()
    {
        var storage = await IsolatedAsync();
        for (var i = 1; i <= 5; i++)
        {
            await storage.Audit.AppendAsync(Alice, "test.step", "test", $"entity-{i}", new JsonObject { ["i"] = i }, Ct);
        }

        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);
        return storage;
    }

    private static async Task ExecuteSqlAsync(TestStorage storage, string sql, int expectedRows = 1)
    {
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var rows = await db.Database.ExecuteSqlRawAsync(sql, Ct);
        Assert.Equal(expectedRows, rows);
    }
}
