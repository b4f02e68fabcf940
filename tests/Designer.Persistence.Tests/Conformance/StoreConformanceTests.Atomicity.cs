using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    /// <summary>Provider-specific DDL for a trigger that makes every INSERT into AuditEntries fail.</summary>
    protected abstract IReadOnlyList<string> RefuseAuditInsertsSql { get; }

    [Fact]
    public async Task CreateWorkflow_AuditInsertFails_SavesNothing()
    {
        // Arrange
        var storage = await IsolatedAsync();
        await RefuseAuditInsertsAsync(storage);

        // Act
        var act = () => CreateAsync(storage);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(act);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.Workflows.CountAsync(Ct));
        Assert.Equal(0, await db.WorkflowDrafts.CountAsync(Ct));
    }

    [Fact]
    public async Task ApproveVersion_AuditInsertFails_LeavesVersionPendingAndInactive()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);
        await RefuseAuditInsertsAsync(storage);

        // Act
        var act = () => storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Bob, null, Ct);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(act);
        Assert.Equal(version, await storage.Workflows.GetVersionAsync(created.Workflow.Id, version.Number, Ct));
        Assert.Null((await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct))!.ActiveVersion);
    }

    [Fact]
    public async Task SubmitVersion_AuditInsertFails_CreatesNoVersion()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);
        await RefuseAuditInsertsAsync(storage);

        // Act
        var act = () => storage.Workflows.SubmitVersionAsync(created.Workflow.Id, DraftJson, "hash", created.Draft.ETag, Alice, null, Ct);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(act);
        Assert.Equal(0, (await storage.Workflows.ListVersionsAsync(created.Workflow.Id, 1, 10, Ct)).Total);
    }

    private async Task RefuseAuditInsertsAsync(TestStorage storage)
    {
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        foreach (var sql in RefuseAuditInsertsSql)
        {
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
        }
    }
}
