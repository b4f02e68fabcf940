using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Shared;
using Designer.Web.Evaluations;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13 item 1: the dataset page's per-case table, fixing a label while unused, "copy to change" once used.</summary>
public sealed class Issue13DatasetCasesViewTests : UiTestContext
{
    private static readonly Actor Author = new("author-1", "author-1@demo.local");

    [Fact]
    public async Task Table_Issue13_UnusedDatasetShowsCasesAndReviewerFixesLabel()
    {
        // Arrange: two cases, one tagged critical, one with an e-mail address in its input.
        var (store, dataset) = await DatasetAsync(freeze: false);
        SignIn("approver-1", "approver");

        // Act
        var cut = Render<DatasetCasesView>(p => p.Add(x => x.DatasetId, dataset.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=dataset-case]").Count));
        var inputs = cut.FindAll("[data-testid=case-input]").Select(c => c.TextContent).ToList();
        var tags = cut.FindAll("[data-testid=case-tags]").Select(c => c.TextContent.Trim()).ToList();
        cut.Find("[data-case='2'] [data-testid=case-label]").Change("blocked");

        // Assert
        Assert.Contains("amount: 42.5", inputs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", inputs[1], StringComparison.Ordinal);
        Assert.Equal(["", "critical"], tags);
        cut.WaitForAssertion(() => Assert.Contains("Case 2 is now labelled 'blocked'", cut.Find("[data-testid=dataset-message]").TextContent, StringComparison.Ordinal));
        var cases = await store.ListCasesAsync(dataset.Id, CancellationToken.None);
        Assert.Equal((ExpectedEnd: "blocked", LabelSource: "reviewer"), (cases[1].ExpectedEnd, cases[1].LabelSource));
        Assert.Equal("auto", cases[0].ExpectedEnd);
        Assert.Equal("reviewer", cut.Find("[data-case='2'] [data-testid=case-source]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=dataset-frozen-reason]"));
    }

    [Fact]
    public async Task Table_Issue13_UsedDatasetSaysWhyAndCopyToChangeOpensNextVersion()
    {
        // Arrange: the dataset was used by an evaluation.
        var (store, dataset) = await DatasetAsync(freeze: true);
        SignIn("author-1", "author");
        var navigation = Services.GetRequiredService<NavigationManager>();

        // Act
        var cut = Render<DatasetCasesView>(p => p.Add(x => x.DatasetId, dataset.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=dataset-frozen-reason]")));
        var selects = cut.FindAll("[data-testid=case-label]").Count;
        cut.Find("[data-testid=dataset-copy]").Click();

        // Assert
        Assert.Equal(0, selects);
        Assert.Contains("Used by an evaluation", cut.Find("[data-testid=dataset-frozen-reason]").TextContent, StringComparison.Ordinal);
        var copy = (await store.ListDatasetsAsync(dataset.WorkflowId, CancellationToken.None)).Single(d => d.Id != dataset.Id);
        Assert.Equal((dataset.Name, dataset.Version + 1, 2, false), (copy.Name, copy.Version, copy.CaseCount, copy.IsFrozen));
        Assert.Equal(["auto", "analyst"], (await store.ListCasesAsync(copy.Id, CancellationToken.None)).Select(c => c.ExpectedEnd));
        Assert.EndsWith($"/datasets/{copy.Id}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_Issue13_ViewerSeesLabelsWithoutEditingAndTheReason()
    {
        // Arrange
        var (_, dataset) = await DatasetAsync(freeze: false);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<DatasetCasesView>(p => p.Add(x => x.DatasetId, dataset.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=dataset-case]").Count));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=case-label]"));
        Assert.Equal(["auto", "analyst"], cut.FindAll("[data-testid=case-expected]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Only authors and approvers", cut.Find("[data-testid=dataset-readonly-reason]").TextContent, StringComparison.Ordinal);
    }

    private async Task<(IEvaluationStore Store, DatasetRecord Dataset)> DatasetAsync(bool freeze)
    {
        var store = AppServices.GetRequiredService<IEvaluationStore>();
        var id = await SeedWorkflowAsync(Author.Id);
        var dataset = await store.CreateDatasetAsync("cases-view-" + Guid.NewGuid().ToString("N")[..6], id, null,
        [
            new NewDatasetCase("""{"amount":42.5,"currency":"EUR"}""", "auto", null, [], null, "upload"),
            new NewDatasetCase("""{"amount":6000,"description":"call jane@example.com"}""", "analyst", null, ["critical"], null, "outcome"),
        ], Author, CancellationToken.None);
        if (freeze)
        {
            var created = await store.CreateEvaluationAsync(new NewEvaluation(id, dataset.Id, null, "sha256:x", "{}", null, null, null), Author, CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Detail);
        }

        Services.AddSingleton(store);
        Services.AddSingleton(AppServices.GetRequiredService<IRunStore>());
        Services.AddSingleton(Options.Create(new EvaluationOptions()));
        Services.AddScoped<DatasetService>();
        return (store, (await store.GetDatasetAsync(dataset.Id, CancellationToken.None))!);
    }
}
