using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task SubmitVersion_CurrentDraftETag_CreatesPendingVersionOne()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var result = await storage.Workflows.SubmitVersionAsync(created.Workflow.Id, """{"canonical":true}""", "hash-1", created.Draft.ETag, Alice, null, Ct);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(1, result.Value.Number);
        Assert.Equal(VersionStatus.PendingApproval, result.Value.Status);
        Assert.False(result.Value.IsActive);
        var stored = await storage.Workflows.GetVersionAsync(created.Workflow.Id, 1, Ct);
        Assert.Equal(result.Value, stored);
    }

    [Fact]
    public async Task SubmitVersion_StaleDraftETag_ReturnsConflict()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        await storage.Workflows.SaveDraftAsync(created.Workflow.Id, """{"changed":true}""", created.Draft.ETag, Bob, Ct);

        // Act
        var result = await storage.Workflows.SubmitVersionAsync(created.Workflow.Id, DraftJson, "hash", created.Draft.ETag, Alice, null, Ct);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(OperationErrorKind.Conflict, result.Error.Kind);
        Assert.Null(await storage.Workflows.GetVersionAsync(created.Workflow.Id, 1, Ct));
    }

    [Fact]
    public async Task SubmitVersion_UnknownWorkflow_ReturnsNotFound()
    {
        // Arrange
        var storage = Storage;

        // Act
        var result = await storage.Workflows.SubmitVersionAsync(Guid.CreateVersion7(), DraftJson, "hash", Guid.NewGuid().ToString("N"), Alice, null, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task SubmitVersion_TenParallelSubmits_GetDistinctNumbersOneToTen()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(
            () => storage.Workflows.SubmitVersionAsync(created.Workflow.Id, DraftJson, $"hash-{i}", created.Draft.ETag, Alice, null, Ct), Ct)));

        // Assert
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Detail));
        Assert.Equal(Enumerable.Range(1, 10), results.Select(r => r.Value!.Number).Order());
        var page = await storage.Workflows.ListVersionsAsync(created.Workflow.Id, 1, 200, Ct);
        Assert.Equal(10, page.Total);
    }

    [Fact]
    public async Task InsertVersion_DuplicateNumber_IsRejectedByTheDatabase()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        await SubmitAsync(storage, created);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        db.WorkflowVersions.Add(new WorkflowVersionEntity
        {
            WorkflowId = created.Workflow.Id,
            Number = 1,
            CanonicalJson = DraftJson,
            ContentHash = "duplicate",
            AuthorId = Alice.Id,
            AuthorName = Alice.Name,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Status = VersionStatus.PendingApproval,
        });

        // Act
        var act = () => db.SaveChangesAsync(Ct);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(act);
    }

    [Fact]
    public async Task ApproveVersion_ByAuthor_ReturnsSelfApproval()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);

        // Act
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Alice with { Name = "Alice renamed" }, null, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(VersionStatus.PendingApproval, (await storage.Workflows.GetVersionAsync(created.Workflow.Id, version.Number, Ct))!.Status);
    }

    [Fact]
    public async Task ApproveVersion_ByAnotherUser_PublishesAndActivates()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);

        // Act
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Bob, "looks good", Ct);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(VersionStatus.Published, result.Value.Status);
        Assert.True(result.Value.IsActive);
        Assert.Equal(Bob.Id, result.Value.ReviewedById);
        Assert.Equal("looks good", result.Value.ReviewComment);
        Assert.Equal(version.Number, (await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct))!.ActiveVersion);
    }

    [Fact]
    public async Task ApproveVersion_RejectedVersion_ReturnsInvalidState()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);
        await storage.Workflows.RejectVersionAsync(created.Workflow.Id, version.Number, Bob, "no", Ct);

        // Act
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Bob, null, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.InvalidState, result.Error?.Kind);
        Assert.Equal("Version 1 is Rejected; only PendingApproval versions can be approved.", result.Error?.Detail);
    }

    [Fact]
    public async Task ApproveVersion_PublishedVersion_ReturnsInvalidState()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await PublishAsync(storage, created);

        // Act
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Bob, null, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.InvalidState, result.Error?.Kind);
    }

    [Fact]
    public async Task ApproveVersion_UnknownVersion_ReturnsNotFound()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, 42, Bob, null, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.NotFound, result.Error?.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RejectVersion_WithoutComment_ReturnsInvalid(string comment)
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);

        // Act
        var result = await storage.Workflows.RejectVersionAsync(created.Workflow.Id, version.Number, Bob, comment, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal(VersionStatus.PendingApproval, (await storage.Workflows.GetVersionAsync(created.Workflow.Id, version.Number, Ct))!.Status);
    }

    [Fact]
    public async Task RejectVersion_WithComment_Rejects()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);

        // Act
        var result = await storage.Workflows.RejectVersionAsync(created.Workflow.Id, version.Number, Bob, "missing policy node", Ct);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(VersionStatus.Rejected, result.Value.Status);
        Assert.Equal("missing policy node", result.Value.ReviewComment);
        Assert.Null((await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct))!.ActiveVersion);
    }

    [Fact]
    public async Task ActivateVersion_PendingVersion_ReturnsInvalidState()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);

        // Act
        var result = await storage.Workflows.ActivateVersionAsync(created.Workflow.Id, version.Number, Bob, Ct);

        // Assert
        Assert.Equal(OperationErrorKind.InvalidState, result.Error?.Kind);
        Assert.Null((await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct))!.ActiveVersion);
    }

    [Fact]
    public async Task ActivateVersion_OlderPublishedVersion_RollsBackAndForward()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var v1 = await PublishAsync(storage, created);
        var v2 = await PublishAsync(storage, created);

        // Act
        var rollback = await storage.Workflows.ActivateVersionAsync(created.Workflow.Id, v1.Number, Bob, Ct);
        var listAfterRollback = await storage.Workflows.ListVersionsAsync(created.Workflow.Id, 1, 10, Ct);
        var rollForward = await storage.Workflows.ActivateVersionAsync(created.Workflow.Id, v2.Number, Bob, Ct);

        // Assert
        Assert.Equal(1, rollback.Value?.ActiveVersion);
        Assert.Equal([2, 1], listAfterRollback.Items.Select(v => v.Number));
        Assert.Equal([false, true], listAfterRollback.Items.Select(v => v.IsActive));
        Assert.Equal(2, rollForward.Value?.ActiveVersion);
        Assert.Equal(VersionStatus.Published, (await storage.Workflows.GetVersionAsync(created.Workflow.Id, 1, Ct))!.Status);
    }

    [Fact]
    public async Task PublishedVersion_ModifiedThroughDbContext_Throws()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await PublishAsync(storage, created);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var row = await db.WorkflowVersions.SingleAsync(v => v.WorkflowId == created.Workflow.Id && v.Number == version.Number, Ct);

        // Act
        row.CanonicalJson = """{"tampered":true}""";
        var editJson = await Record.ExceptionAsync(() => db.SaveChangesAsync(Ct));
        db.Entry(row).Reload();
        row.Status = VersionStatus.Rejected;
        var editStatus = await Record.ExceptionAsync(() => db.SaveChangesAsync(Ct));
        db.Entry(row).Reload();
        db.WorkflowVersions.Remove(row);
        var delete = await Record.ExceptionAsync(() => db.SaveChangesAsync(Ct));

        // Assert
        Assert.IsType<ImmutableVersionException>(editJson);
        Assert.IsType<ImmutableVersionException>(editStatus);
        Assert.IsType<ImmutableVersionException>(delete);
        Assert.Equal(version, await storage.Workflows.GetVersionAsync(created.Workflow.Id, version.Number, Ct));
    }

    [Fact]
    public async Task PendingVersion_FrozenContentModifiedThroughDbContext_Throws()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var version = await SubmitAsync(storage, created);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var row = await db.WorkflowVersions.SingleAsync(v => v.WorkflowId == created.Workflow.Id && v.Number == version.Number, Ct);

        // Act
        row.AuthorId = Bob.Id;
        var act = () => db.SaveChangesAsync(Ct);

        // Assert
        await Assert.ThrowsAsync<ImmutableVersionException>(act);
    }

    [Fact]
    public async Task ListVersions_SecondPage_ReturnsOlderVersions()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        for (var i = 0; i < 5; i++)
        {
            await SubmitAsync(storage, created);
        }

        // Act
        var page = await storage.Workflows.ListVersionsAsync(created.Workflow.Id, 2, 2, Ct);

        // Assert
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal([3, 2], page.Items.Select(v => v.Number));
    }
}
