using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Designer.Persistence;
using Designer.Runtime.Evaluations;
using Designer.Web.Components.Shared;
using Designer.Web.Evaluations;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13 item 2: "evaluate against active" in one click on the version page, then its progress.</summary>
public sealed class Issue13EvaluateAgainstActiveTests : UiTestContext
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Start_Issue13_ReviewedVersionAgainstActiveOnChosenDatasetThenProgressToResult()
    {
        // Arrange: v1 approved (active), v2 submitted; a dataset of two labelled cases.
        var (store, id) = await TwoVersionsAsync();
        var dataset = await store.CreateDatasetAsync("against-active", id, null,
        [
            new NewDatasetCase(RunApiFixture.Input(42.5).ToJsonString(), "auto", null, [], null, "upload"),
            new NewDatasetCase(RunApiFixture.Input(6000).ToJsonString(), "analyst", null, ["critical"], null, "upload"),
        ], new Actor("author-1", "author-1@demo.local"), CancellationToken.None);
        SignIn("approver-1", "approver");
        var cut = Render<EvaluateAgainstActivePanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 2).Add(x => x.ActiveVersion, 1).Add(x => x.PollInterval, TimeSpan.FromMilliseconds(50)));

        // Act 1: one click (not awaited: the click follows the job until it ends).
        var label = cut.Find("[data-testid=evaluate-start]").TextContent;
        _ = cut.Find("[data-testid=evaluate-start]").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("0 / 2", cut.Find("[data-testid=evaluate-done]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var evaluation = Assert.Single(await store.ListEvaluationsAsync(id, 2, CancellationToken.None));

        // Act 2: the worker's part, done here: both cases, then the end.
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(1, Json(Automated("auto")), Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(2, Json(Escalated()), Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.FinishEvaluationAsync(evaluation.Id, EvaluationStatus.Succeeded, null, CancellationToken.None);

        // Assert
        Assert.Contains("Evaluate v2 against active v1", label, StringComparison.Ordinal);
        Assert.Equal((2, 1, dataset.Id), (evaluation.CandidateVersion, evaluation.BaselineVersion, evaluation.DatasetId));
        cut.WaitForAssertion(() => Assert.Equal("succeeded", cut.Find("[data-testid=evaluate-progress]").GetAttribute("data-status")), TimeSpan.FromSeconds(30));
        Assert.Contains("2 / 2", cut.Find("[data-testid=evaluate-done]").TextContent, StringComparison.Ordinal);
        var summary = cut.Find("[data-testid=evaluate-summary]").TextContent;
        Assert.Contains("Automation 100.0 % (active 50.0 %)", summary, StringComparison.Ordinal);
        Assert.Contains("1 newly failing", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", "Only authors and approvers")]
    [InlineData("approver", "no dataset yet")]
    public async Task Render_Issue13_ViewerOrNoDatasetSaysWhyWithoutButton(string role, string reason)
    {
        // Arrange: no dataset for the workflow.
        var (_, id) = await TwoVersionsAsync();
        SignIn(role + "-1", role);

        // Act
        var cut = Render<EvaluateAgainstActivePanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 2).Add(x => x.ActiveVersion, 1));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(reason, cut.Find("[data-testid=evaluate-disabled]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=evaluate-start]"));
    }

    private async Task<(IEvaluationStore Store, Guid WorkflowId)> TwoVersionsAsync()
    {
        var store = AppServices.GetRequiredService<IEvaluationStore>();
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var id = await SeedWorkflowAsync("author-1");
        var versions = new VersionService(workflows, new WorkflowValidator());
        Assert.True((await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None)).IsSuccess);
        Assert.True((await workflows.ApproveVersionAsync(id, 1, new Actor("approver-1", "approver-1@demo.local"), null, CancellationToken.None)).IsSuccess);
        var draft = (await workflows.GetDraftAsync(id, CancellationToken.None))!;
        var definition = JsonNode.Parse(draft.DefinitionJson)!;
        definition["name"] = "Dispute triage v2";
        Assert.IsType<SaveDraftResult.Saved>(await workflows.SaveDraftAsync(id, definition.ToJsonString(), draft.ETag, new Actor("author-1", "author-1@demo.local"), CancellationToken.None));
        Assert.True((await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None)).IsSuccess);
        Services.AddSingleton(store);
        Services.AddSingleton(new EvaluationSignal());
        Services.AddScoped<EvaluationService>();
        return (store, id);
    }

    private static string Json(ShadowResult result) => JsonSerializer.Serialize(result, WebJson);

    private static ShadowResult Automated(string end) => new() { Outcome = ShadowOutcomes.Automated, EndNode = end, Path = [], Scores = new Dictionary<string, double>(), LatencyMs = 5 };

    private static ShadowResult Escalated() => new() { Outcome = ShadowOutcomes.Escalated, GateNode = "review", EscalatedTo = "approver", Path = [], Scores = new Dictionary<string, double>(), LatencyMs = 7 };

    private static ClaimsPrincipal Principal(string id, string role) => new(new ClaimsIdentity(
        [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, $"{id}@demo.local"), new(ClaimTypes.Role, role)], "test"));
}
