using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Designer.Persistence;
using Designer.Runtime.Evaluations;
using Designer.Web.Components.Shared;
using Designer.Web.Evaluations;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13: the approver sees the version's latest evaluation against the failure budget.</summary>
public sealed class Issue13EvaluationGatePanelTests : UiTestContext
{
    [Fact]
    public async Task Render_EvaluatedVersionOverBudget_ShowsBothSidesAndEachReason()
    {
        // Arrange: v1 submitted; an evaluation of v1 against itself where the candidate auto-resolves a case it should escalate.
        var store = AppServices.GetRequiredService<IEvaluationStore>();
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var id = await SeedWorkflowAsync("author-1");
        await new VersionService(workflows, new WorkflowValidator()).SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None);
        var version = (await workflows.GetVersionAsync(id, 1, CancellationToken.None))!;
        var actor = new Actor("author-1", "author-1@demo.local");
        var dataset = await store.CreateDatasetAsync("gate-panel", id, null,
        [
            new NewDatasetCase("{}", "auto", null, [], null, "upload"),
            new NewDatasetCase("{}", "analyst", null, ["critical"], null, "upload"),
        ], actor, CancellationToken.None);
        var evaluation = (await store.CreateEvaluationAsync(
            new NewEvaluation(id, dataset.Id, 1, version.ContentHash, version.CanonicalJson, 1, version.ContentHash, version.CanonicalJson),
            actor, CancellationToken.None)).Value!;
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(1, Json(Automated("auto")), Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(2, Json(Escalated()), Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.FinishEvaluationAsync(evaluation.Id, EvaluationStatus.Succeeded, null, CancellationToken.None);
        await store.SetBudgetAsync(new WorkflowBudgetRecord(id, 0.01, null, null, true), new Actor("approver-1", "approver-1@demo.local"), CancellationToken.None);
        Services.AddSingleton(store);
        Services.AddSingleton(new EvaluationSignal());
        Services.AddSingleton(Options.Create(new GovernanceOptions { RequireEvaluation = true, MinEvaluationCases = 2 }));
        Services.AddScoped<EvaluationService>();
        Services.AddScoped<EvaluationGate>();
        SignIn("approver-1", "approver");

        // Act
        var cut = Render<EvaluationGatePanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 1));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=gate-candidate]")));
        Assert.Equal("does not pass", cut.Find("[data-testid=gate-verdict]").TextContent);
        Assert.Contains("≥ 2 cases", cut.Find("[data-testid=gate-required]").TextContent, StringComparison.Ordinal);
        Assert.Contains("50.0", cut.Find("[data-testid=gate-baseline]").TextContent, StringComparison.Ordinal); // baseline automates 1 of 2
        Assert.Contains("100.0", cut.Find("[data-testid=gate-candidate]").TextContent, StringComparison.Ordinal); // candidate automates both
        var reasons = cut.FindAll("[data-testid=gate-reason]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("Wrong automatic decisions", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("tagged critical", StringComparison.Ordinal));
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static string Json(ShadowResult result) => JsonSerializer.Serialize(result, WebJson);

    private static ShadowResult Automated(string end) => new() { Outcome = ShadowOutcomes.Automated, EndNode = end, Path = [], Scores = new Dictionary<string, double>(), LatencyMs = 5 };

    private static ShadowResult Escalated() => new() { Outcome = ShadowOutcomes.Escalated, GateNode = "review", EscalatedTo = "approver", Path = [], Scores = new Dictionary<string, double>(), LatencyMs = 7 };

    private static ClaimsPrincipal Principal(string id, string role) => new(new ClaimsIdentity(
        [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, $"{id}@demo.local"), new(ClaimTypes.Role, role)], "test"));
}
