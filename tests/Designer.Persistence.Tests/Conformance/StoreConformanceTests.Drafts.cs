using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task CreateWorkflow_NewWorkflow_ReturnsWorkflowAndDraft()
    {
        // Arrange
        var storage = Storage;

        // Act
        var created = await CreateAsync(storage);

        // Assert
        var workflow = await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct);
        var draft = await storage.Workflows.GetDraftAsync(created.Workflow.Id, Ct);
        Assert.Equal(created.Workflow, workflow);
        Assert.Equal(7, created.Workflow.Id.Version);
        Assert.Null(workflow!.ActiveVersion);
        Assert.Equal(DraftJson, draft!.DefinitionJson);
        Assert.Equal(created.Draft.ETag, draft.ETag);
    }

    [Fact]
    public async Task CreateWorkflow_NameTooLong_Throws()
    {
        // Arrange
        var storage = Storage;

        // Act
        var act = () => storage.Workflows.CreateWorkflowAsync(new string('x', 201), null, DraftJson, Alice, Ct);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public async Task SaveDraft_CurrentETag_SavesAndChangesETagEveryTime()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var first = await storage.Workflows.SaveDraftAsync(created.Workflow.Id, """{"v":1}""", created.Draft.ETag, Bob, Ct);
        var firstSaved = Assert.IsType<SaveDraftResult.Saved>(first);
        var second = await storage.Workflows.SaveDraftAsync(created.Workflow.Id, """{"v":1}""", firstSaved.ETag, Bob, Ct);

        // Assert
        var secondSaved = Assert.IsType<SaveDraftResult.Saved>(second);
        Assert.NotEqual(created.Draft.ETag, firstSaved.ETag);
        Assert.NotEqual(firstSaved.ETag, secondSaved.ETag);
        var draft = await storage.Workflows.GetDraftAsync(created.Workflow.Id, Ct);
        Assert.Equal("""{"v":1}""", draft!.DefinitionJson);
        Assert.Equal(secondSaved.ETag, draft.ETag);
        Assert.Equal(Bob.Id, draft.UpdatedById);
    }

    [Fact]
    public async Task SaveDraft_StaleETag_ReturnsConflictAndKeepsContent()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        var saved = Assert.IsType<SaveDraftResult.Saved>(
            await storage.Workflows.SaveDraftAsync(created.Workflow.Id, """{"by":"first"}""", created.Draft.ETag, Alice, Ct));

        // Act
        var result = await storage.Workflows.SaveDraftAsync(created.Workflow.Id, """{"by":"second"}""", created.Draft.ETag, Bob, Ct);

        // Assert
        var conflict = Assert.IsType<SaveDraftResult.Conflict>(result);
        Assert.Equal(saved.ETag, conflict.CurrentETag);
        var draft = await storage.Workflows.GetDraftAsync(created.Workflow.Id, Ct);
        Assert.Equal("""{"by":"first"}""", draft!.DefinitionJson);
    }

    [Fact]
    public async Task SaveDraft_MalformedETag_ReturnsConflict()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var result = await storage.Workflows.SaveDraftAsync(created.Workflow.Id, DraftJson, "\"not-an-etag\"", Alice, Ct);

        // Assert
        Assert.Equal(created.Draft.ETag, Assert.IsType<SaveDraftResult.Conflict>(result).CurrentETag);
    }

    [Fact]
    public async Task SaveDraft_UnknownWorkflow_ReturnsNotFound()
    {
        // Arrange
        var storage = Storage;

        // Act
        var result = await storage.Workflows.SaveDraftAsync(Guid.CreateVersion7(), DraftJson, Guid.NewGuid().ToString("N"), Alice, Ct);

        // Assert
        Assert.IsType<SaveDraftResult.NotFound>(result);
    }

    [Fact]
    public async Task SaveDraft_TwentyParallelWritersWithSameETag_ExactlyOneSucceeds()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => storage.Workflows.SaveDraftAsync(created.Workflow.Id, $$"""{"writer":{{i}}}""", created.Draft.ETag, Alice, Ct), Ct)));

        // Assert
        var saved = Assert.Single(results.OfType<SaveDraftResult.Saved>());
        Assert.Equal(19, results.OfType<SaveDraftResult.Conflict>().Count());
        var draft = await storage.Workflows.GetDraftAsync(created.Workflow.Id, Ct);
        Assert.Equal(saved.ETag, draft!.ETag);
    }

    [Fact]
    public async Task WorkflowRow_SavedFromTwoContextsWithSameToken_SecondSaveThrowsAndTokenChangesOnEveryWrite()
    {
        // Arrange
        var storage = Storage;
        var created = await CreateAsync(storage);
        await using var first = await storage.Contexts.CreateDbContextAsync(Ct);
        await using var second = await storage.Contexts.CreateDbContextAsync(Ct);
        var a = await first.Workflows.SingleAsync(w => w.Id == created.Workflow.Id, Ct);
        var b = await second.Workflows.SingleAsync(w => w.Id == created.Workflow.Id, Ct);
        var original = a.ConcurrencyToken;

        // Act
        a.Description = "first";
        await first.SaveChangesAsync(Ct);
        var afterFirst = a.ConcurrencyToken;
        a.Description = "first again";
        await first.SaveChangesAsync(Ct);
        b.Description = "second";
        var act = () => second.SaveChangesAsync(Ct);

        // Assert
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(act);
        Assert.NotEqual(original, afterFirst);
        Assert.NotEqual(afterFirst, a.ConcurrencyToken);
        Assert.Equal("first again", (await storage.Workflows.GetWorkflowAsync(created.Workflow.Id, Ct))!.Description);
    }

    [Fact]
    public async Task ListWorkflows_Search_FiltersCaseInsensitivelyWithLatestVersionStatus()
    {
        // Arrange
        var storage = Storage;
        var marker = Guid.NewGuid().ToString("N")[..8];
        var published = await CreateAsync(storage, $"Claims {marker} Alpha");
        await PublishAsync(storage, published);
        await SubmitAsync(storage, published);
        await CreateAsync(storage, $"claims {marker} beta");
        await CreateAsync(storage, "Unrelated");

        // Act
        var page = await storage.Workflows.ListWorkflowsAsync(1, 10, $"CLAIMS {marker.ToUpperInvariant()}", Ct);

        // Assert
        Assert.Equal(2, page.Total);
        var alpha = Assert.Single(page.Items, w => w.Id == published.Workflow.Id);
        Assert.Equal(1, alpha.ActiveVersion);
        Assert.Equal(2, alpha.LatestVersion);
        Assert.Equal(VersionStatus.PendingApproval, alpha.LatestVersionStatus);
        var beta = Assert.Single(page.Items, w => w.Id != published.Workflow.Id);
        Assert.Null(beta.LatestVersion);
        Assert.Null(beta.LatestVersionStatus);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 201)]
    public async Task ListWorkflows_InvalidPaging_Throws(int page, int pageSize)
    {
        // Arrange
        var storage = Storage;

        // Act
        var act = () => storage.Workflows.ListWorkflowsAsync(page, pageSize, null, Ct);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(act);
    }
}
