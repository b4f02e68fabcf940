using Microsoft.Extensions.DependencyInjection;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 11 (b, c): a collection's own dense weight, and re-embedding into another model, on both providers.</summary>
public abstract partial class StoreConformanceTests
{
    private ICollectionStore Collections => Storage.Services.GetRequiredService<ICollectionStore>();

    [Fact]
    public async Task CreateCollection_Issue11_DenseWeight_StoredSetAndCleared()
    {
        // Arrange
        var created = await NewCollectionAsync(0.85);

        // Act
        var read = await Collections.GetAsync(created.Name, Ct);
        var changed = await Collections.SetHybridDenseWeightAsync(created.Id, 0.25, Alice, Ct);
        var cleared = await Collections.SetHybridDenseWeightAsync(created.Id, null, Alice, Ct);
        var missing = await Collections.SetHybridDenseWeightAsync(Guid.NewGuid(), 0.5, Alice, Ct);

        // Assert
        Assert.Equal(0.85, read!.HybridDenseWeight);
        Assert.Equal(0.25, changed!.HybridDenseWeight);
        Assert.Null(cleared!.HybridDenseWeight);
        Assert.Null((await Collections.GetAsync(created.Name, Ct))!.HybridDenseWeight);
        Assert.Null(missing);
    }

    [Fact]
    public async Task CompleteReembed_Issue11_AnotherModel_SwitchesModelVersionLengthAndIndexTogether()
    {
        // Arrange
        var created = await NewCollectionAsync(null);
        var job = await Collections.StartReembedAsync(created.Id, "all-minilm-l6-v2", 1, 384, "c_new", Alice, Ct);
        var pending = await Collections.GetAsync(created.Name, Ct);
        var second = await Collections.StartReembedAsync(created.Id, "all-minilm-l6-v2", 1, 384, "c_other", Alice, Ct);

        // Act
        var unused = await Collections.CompleteReembedAsync(created.Id, Ct);
        var switched = await Collections.GetAsync(created.Name, Ct);

        // Assert: while pending, queries still read the old model; afterwards everything moved at once.
        Assert.NotNull(job);
        Assert.Null(second);
        Assert.Equal(("designer-lsa", 3, 64, "c_old"), (pending!.EmbeddingModel, pending.EmbeddingVersion, pending.Dimensions, pending.IndexName));
        Assert.Equal("all-minilm-l6-v2", pending.PendingEmbeddingModel);
        Assert.Equal("all-minilm-l6-v2", pending.PendingModelOrCurrent);
        Assert.Equal("c_old", unused);
        Assert.Equal(("all-minilm-l6-v2", 1, 384, "c_new"), (switched!.EmbeddingModel, switched.EmbeddingVersion, switched.Dimensions, switched.IndexName));
        Assert.Null(switched.PendingEmbeddingModel);
        Assert.Null(switched.PendingModelOrCurrent);
    }

    [Fact]
    public async Task AbandonReembed_Issue11_AnotherModel_KeepsTheCurrentModel()
    {
        // Arrange
        var created = await NewCollectionAsync(null);
        await Collections.StartReembedAsync(created.Id, "all-minilm-l6-v2", 1, 384, "c_new", Alice, Ct);

        // Act
        var dropped = await Collections.AbandonReembedAsync(created.Id, Ct);
        var kept = await Collections.GetAsync(created.Name, Ct);
        var sameModel = await Collections.StartReembedAsync(created.Id, "designer-lsa", 4, 64, "c_v4", Alice, Ct);
        var upgrading = await Collections.GetAsync(created.Name, Ct);

        // Assert
        Assert.Equal("c_new", dropped);
        Assert.Equal(("designer-lsa", 3, "c_old"), (kept!.EmbeddingModel, kept.EmbeddingVersion, kept.IndexName));
        Assert.Null(kept.PendingEmbeddingModel);
        Assert.NotNull(sameModel);
        Assert.Null(upgrading!.PendingEmbeddingModel);
        Assert.Equal("designer-lsa", upgrading.PendingModelOrCurrent);
    }

    [Fact]
    public async Task CollectionOperations_Issue14_EachWritesItsAuditEntryWithTheChange()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var collections = storage.Services.GetRequiredService<ICollectionStore>();
        var name = "audited-" + Guid.NewGuid().ToString("N")[..8];

        // Act
        var created = await collections.CreateAsync(new NewCollection(name, null, "designer-lsa", 3, 64, "embedded", "c_a", 800, 100, null), Alice, Ct);
        var duplicate = await collections.CreateAsync(new NewCollection(name, null, "designer-lsa", 3, 64, "embedded", "c_b", 800, 100, null), Alice, Ct);
        await collections.AddDocumentsAsync(created!.Id, [new NewCollectionDocument("d1", "text", "{}"), new NewCollectionDocument("d2", "more", "{}")], Alice, Ct);
        await collections.SetHybridDenseWeightAsync(created.Id, 0.4, Bob, Ct);
        await collections.StartReembedAsync(created.Id, "all-minilm-l6-v2", 1, 384, "c_c", Bob, Ct);
        var deleted = await collections.DeleteAsync(created.Id, Bob, Ct);
        var deletedAgain = await collections.DeleteAsync(created.Id, Bob, Ct);
        var entries = (await storage.Audit.ListAsync(1, 50, name, Ct)).Items;

        // Assert: a refused create or a second delete writes nothing; the chain verifies.
        Assert.Null(duplicate);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(
            [AuditActions.CollectionDeleted, AuditActions.CollectionReembedStarted, AuditActions.CollectionSettingsChanged, AuditActions.CollectionDocumentsAdded, AuditActions.CollectionCreated],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(AuditActions.CollectionEntityType, e.EntityType));
        Assert.Equal(["user-bob", "user-bob", "user-bob", "user-alice", "user-alice"], entries.Select(e => e.ActorId));
        Assert.Contains("\"documents\":2", entries[3].DataJson, StringComparison.Ordinal);
        Assert.Contains("\"documents\":2", entries[0].DataJson, StringComparison.Ordinal);
        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);
    }

    private async Task<CollectionRecord> NewCollectionAsync(double? weight)
    {
        var name = "c-" + Guid.NewGuid().ToString("N")[..10];
        var created = await Collections.CreateAsync(
            new NewCollection(name, null, "designer-lsa", 3, 64, "embedded", "c_old", 800, 100, weight), Alice, Ct);
        return created!;
    }
}
