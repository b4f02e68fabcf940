using Bunit;
using Designer.Persistence;
using Designer.Web.Batches;
using Designer.Web.Components.Shared;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.Batches;

/// <summary>Issue 16: the workflow page's batch upload panel and the batch page's progress bar and results.</summary>
public sealed class Issue16BatchUiTests : UiTestContext
{
    private const string Header = "amount,currency,category,merchant,description\n";

    [Fact]
    public async Task Panel_Issue16_BadRowListedByLineThenSkipBadRowsStartsBatchAndNavigates()
    {
        // Arrange
        var id = await PublishAsync();
        AddBatchServices();
        SignIn("operator-1", "operator");
        var cut = Render<BatchUploadPanel>(p => p.Add(x => x.WorkflowId, id));
        var file = Header + "10,EUR,quality,Maple,Torn\nlots,EUR,quality,Maple,Torn\n12,EUR,quality,Maple,Torn\n";

        // Act 1: the file has a bad line 3.
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file, "disputes.csv"));
        cut.Find("[data-testid=batch-upload]").Click();
        var problems = cut.FindAll("[data-testid=problem]").Select(p => p.TextContent).ToList();
        var error = cut.Find("[data-testid=batch-error]").TextContent;
        var storedAfterRefusal = (await Store.ListAsync(id, 10, CancellationToken.None)).Count;

        // Act 2: skip bad rows.
        cut.Find("[data-testid=batch-skip]").Change(true);
        cut.Find("[data-testid=batch-upload]").Click();

        // Assert
        Assert.Contains(problems, p => p.Contains("line 3", StringComparison.Ordinal) && p.Contains("'lots' is not a valid number", StringComparison.Ordinal));
        Assert.Contains("nothing was started", error, StringComparison.Ordinal);
        Assert.Equal(0, storedAfterRefusal);
        var batch = Assert.Single(await Store.ListAsync(id, 10, CancellationToken.None));
        Assert.Equal((2, 1), (batch.RowCount, batch.SkippedCount));
        Assert.EndsWith($"/batches/{batch.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_Issue16_ViewerSeesBatchesButNoUpload()
    {
        // Arrange
        var id = await PublishAsync();
        AddBatchServices();
        await Store.CreateAsync(id, "csv", 0, [new NewBatchRow(2, "{}")], new Actor("operator-1", "operator-1@demo.local"), CancellationToken.None);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<BatchUploadPanel>(p => p.Add(x => x.WorkflowId, id));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=batch-file]"));
        Assert.Single(cut.FindAll("[data-testid=batch-row]"));
    }

    [Fact]
    public async Task Page_Issue16_ProgressBarFollowsRowsUntilFinishedWithResultsLink()
    {
        // Arrange: a stored batch of two rows; runs are started here by hand, as the worker would.
        var id = await PublishAsync();
        AddBatchServices();
        var batch = (await Store.CreateAsync(id, "csv", 0, [new NewBatchRow(2, "{}"), new NewBatchRow(3, "{}")], new Actor("operator-1", "operator-1@demo.local"), CancellationToken.None)).Value!;
        SignIn("viewer-1", "viewer");
        var cut = Render<BatchView>(p => p.Add(x => x.BatchId, batch.Id).Add(x => x.PollInterval, TimeSpan.FromMilliseconds(50)));
        var before = cut.Find("[data-testid=batch-progress]").GetAttribute("data-value");

        // Act
        await StartAndEndAsync(batch.Id, 2, id, RunStatus.Completed);
        cut.WaitForAssertion(() => Assert.Equal("50", cut.Find("[data-testid=batch-progress]").GetAttribute("data-value")), TimeSpan.FromSeconds(30));
        await Store.MarkStartedAsync(batch.Id, 3, "The workflow has no active version.", CancellationToken.None);
        cut.WaitForAssertion(() => Assert.Equal("finished", cut.Find("[data-testid=batch-state]").TextContent), TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal("0", before);
        Assert.Equal("100", cut.Find("[data-testid=batch-progress]").GetAttribute("data-value"));
        Assert.Equal(["succeeded", "failed"], cut.FindAll("[data-testid=batch-row-status]").Select(s => s.TextContent));
        Assert.Contains("no active version", cut.FindAll("[data-testid=batch-row]")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/api/batches/{batch.Id}/results.csv", cut.Find("[data-testid=batch-csv]").GetAttribute("href"));
    }

    private IBatchStore Store => AppServices.GetRequiredService<IBatchStore>();

    private async Task StartAndEndAsync(Guid batchId, int line, Guid workflowId, RunStatus status)
    {
        var runs = AppServices.GetRequiredService<IRunStore>();
        var runId = await Store.AssignRunAsync(batchId, line, Guid.CreateVersion7(), CancellationToken.None);
        await runs.CreateRunAsync(new NewRun(workflowId, 1, "sha256:x", "{}", "host", runId), new Actor("operator-1", "operator-1@demo.local"), CancellationToken.None);
        await Store.MarkStartedAsync(batchId, line, null, CancellationToken.None);
        await runs.TransitionAsync(runId, [RunStatus.Running], new RunTransition(status, "{}", "auto"), CancellationToken.None);
    }

    private async Task<Guid> PublishAsync()
    {
        var id = await SeedWorkflowAsync("author-1", "Batch " + Guid.NewGuid().ToString("N")[..6]);
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var draft = await store.GetDraftAsync(id, CancellationToken.None);
        var submitted = await store.SubmitVersionAsync(id, draft!.DefinitionJson, "sha256:" + Guid.NewGuid().ToString("N"), draft.ETag, new Actor("author-1", "author-1@demo.local"), null, CancellationToken.None);
        Assert.True(submitted.IsSuccess, submitted.Error?.Detail);
        var approved = await store.ApproveVersionAsync(id, 1, new Actor("approver-1", "approver-1@demo.local"), null, CancellationToken.None);
        Assert.True(approved.IsSuccess, approved.Error?.Detail);
        return id;
    }

    private void AddBatchServices()
    {
        Services.AddSingleton(Store);
        Services.AddSingleton(new BatchSignal());
        Services.AddSingleton(Options.Create(new BatchOptions()));
        Services.AddScoped<BatchService>();
    }
}
