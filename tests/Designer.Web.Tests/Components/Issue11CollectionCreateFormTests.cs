using Bunit;
using Designer.Retrieval.Embeddings;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Collections;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 11: creating a collection from the Collections page, with model choice and chunking.</summary>
public sealed class Issue11CollectionCreateFormTests : CollectionUiTestContext
{
    [Fact]
    public async Task Create_AsAuthor_CreatesCollectionWithChosenChunkingAndListsIt()
    {
        // Arrange
        var catalog = AppServices.GetRequiredService<IEmbeddingModelCatalog>();
        await catalog.TrainAsync(catalog.DefaultModel, CollectionApi.TrainingCorpus(), CancellationToken.None);
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());
        cut.WaitForElement("input[data-testid=create-name]");

        // Act
        cut.Find("input[data-testid=create-name]").Input("tickets-2026");
        cut.Find("input[data-testid=create-chunk-size]").Change("400");
        cut.Find("input[data-testid=create-chunk-overlap]").Change("40");
        await cut.Find("[data-testid=create-submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=collection-name]"), c => c.TextContent == "tickets-2026"));
        var created = (await Collections.GetAsync("tickets-2026", CancellationToken.None)).Value!;
        Assert.Equal((catalog.DefaultModel, 400, 40), (created.EmbeddingModel, created.ChunkSize, created.ChunkOverlap));
        Assert.Contains("designer-lsa", cut.Find("[data-testid=collection-model]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadNameAndChunking_ListsEveryProblemAndCreatesNothing()
    {
        // Arrange
        var catalog = AppServices.GetRequiredService<IEmbeddingModelCatalog>();
        await catalog.TrainAsync(catalog.DefaultModel, CollectionApi.TrainingCorpus(), CancellationToken.None);
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());
        cut.WaitForElement("input[data-testid=create-name]");

        // Act
        cut.Find("input[data-testid=create-name]").Input("Bad Name!");
        cut.Find("input[data-testid=create-chunk-size]").Change("100");
        cut.Find("input[data-testid=create-chunk-overlap]").Change("90");
        await cut.Find("[data-testid=create-submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=create-problems]")));
        var text = cut.Find("[data-testid=create-problems]").TextContent;
        Assert.Contains("name:", text, StringComparison.Ordinal);
        Assert.Contains("chunkOverlap:", text, StringComparison.Ordinal);
        Assert.Empty(await Collections.ListAsync(CancellationToken.None));
    }

    [Fact]
    public void Render_AsViewer_HasNoCreateForm()
    {
        // Arrange
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-collections]")));
        Assert.Empty(cut.FindAll("[data-testid=create-collection]"));
    }
}
