using Bunit;
using Designer.Persistence;
using Designer.Retrieval.Embeddings;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Collections;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Designer.Web.Tests.Components;

/// <summary>
/// Issue 11 item 4: the Collections page is the upgrade path from one embedding model to another — pick a model,
/// the collection re-embeds in the background and switches atomically, and the page shows the pending switch.
/// </summary>
public sealed class Issue11CollectionModelChangeTests : CollectionUiTestContext
{
    [Fact]
    public async Task ChangeModel_Issue11_AsAuthor_ReembedsIntoChosenModelAndListsItAfterTheSwitch()
    {
        // Arrange: a second project-trained model stands in for "another model" (the test host has no pretrained one).
        var job = await SeedCollectionAsync();
        await WaitForJobAsync(job.Job.Id);
        var catalog = AppServices.GetRequiredService<IEmbeddingModelCatalog>();
        var otherModel = "alt-" + Guid.NewGuid().ToString("N")[..8];
        var other = await catalog.TrainAsync(otherModel, [.. CollectionApi.TrainingCorpus().Reverse(), "A refund was promised but never paid."], CancellationToken.None);
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());
        cut.WaitForElement("[data-testid=collection-change-model]");
        var picker = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Change embedding model");
        Assert.Contains(picker.FindComponents<MudSelectItem<string>>(), i => i.Instance.Value == otherModel);
        Assert.True(cut.Find("[data-testid=collection-change-model]").HasAttribute("disabled"));

        // Act
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(otherModel));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=collection-change-model]").HasAttribute("disabled")));
        await cut.Find("[data-testid=collection-change-model]").ClickAsync(new());

        // Assert: the page says what was queued, the job switches the collection, and the list shows the new model.
        cut.WaitForAssertion(() => Assert.Contains($"Re-embedding with {otherModel} v{other.Version} queued", cut.Find("[data-testid=reembed-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var reembed = (await Collections.ListJobsAsync(Collection, CancellationToken.None)).Value!.Single(j => j.Job.Kind == CollectionJobKind.Reembed);
        await WaitForJobAsync(reembed.Job.Id);
        var switched = (await Collections.GetAsync(Collection, CancellationToken.None)).Value!;
        Assert.Equal((otherModel, other.Version), (switched.EmbeddingModel, switched.EmbeddingVersion));
        cut.WaitForAssertion(() => Assert.StartsWith($"{otherModel} v{other.Version}", cut.Find("[data-testid=collection-model]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ChangeModel_Issue11_AsViewer_OffersNoModelChange()
    {
        // Arrange
        var job = await SeedCollectionAsync();
        await WaitForJobAsync(job.Job.Id);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());

        // Assert
        cut.WaitForElement("[data-testid=collection-detail]");
        Assert.Empty(cut.FindAll("[data-testid=collection-change-model]"));
        Assert.Empty(cut.FindAll("[data-testid=collection-reembed]"));
    }
}
