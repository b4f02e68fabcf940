using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Designer.Inference;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Designer.Persistence;
using Designer.Runtime.Evaluations;
using Designer.Web.Components.Pages;
using Designer.Web.Evaluations;
using Designer.Web.Models;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13: on the models page, a model version waiting for approval shows the evaluations of the workflow versions it would serve.</summary>
public sealed class Issue13ModelGatePanelTests : UiTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    protected override void ConfigureAppHost(HostApplicationBuilder builder) => builder.AddDesignerInference();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(AppServices.GetRequiredService<IModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<RiskModelService>());
        Services.AddSingleton(AppServices.GetRequiredService<IInferenceClient>());
        Services.AddScoped<ModelService>();
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Inference.ChatModels.IChatModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Inference.ChatModels.ChatModelOptions>());
        Services.AddScoped<ChatModelService>();
        Services.AddSingleton(AppServices.GetRequiredService<IEvaluationStore>());
        Services.AddSingleton(new EvaluationSignal());
        Services.AddSingleton(Options.Create(new GovernanceOptions { RequireEvaluation = true, MinEvaluationCases = 2 }));
        Services.AddScoped<EvaluationService>();
        Services.AddScoped<EvaluationGate>();
        Services.AddScoped<ModelApprovalGate>();
    }

    [Fact]
    public async Task Render_PendingModelVersion_Issue13_ShowsFollowingWorkflowVersionsEvaluationAndWhyItFails()
    {
        // Arrange: a published workflow version that follows the latest dispute-risk; its evaluation auto-resolves a
        // case it should escalate, over a 1 % budget; a retrained dispute-risk v2 waits for approval.
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var store = AppServices.GetRequiredService<IEvaluationStore>();
        var author = new Actor("author-1", "author-1@demo.local");
        var definition = TestWorkflows.TriageWithoutRetrieval();
        definition.Name = "Model gate triage";
        definition.Nodes.Single(n => n.Id == "risk").Config.Remove("modelVersion");
        var json = WorkflowJson.Serialize(definition);
        var created = await workflows.CreateWorkflowAsync(definition.Name, null, json, author, CancellationToken.None);
        var id = created.Workflow.Id;
        var draft = await workflows.GetDraftAsync(id, CancellationToken.None);
        Assert.True((await workflows.SubmitVersionAsync(id, json, ContentHash.Compute(definition), draft!.ETag, author, null, CancellationToken.None)).IsSuccess);
        Assert.True((await workflows.ApproveVersionAsync(id, 1, new Actor("approver-2", "approver-2@demo.local"), null, CancellationToken.None)).IsSuccess);
        var version = (await workflows.GetVersionAsync(id, 1, CancellationToken.None))!;
        var dataset = await store.CreateDatasetAsync("model-gate", id, null,
        [
            new NewDatasetCase("{}", "auto", null, [], null, "upload"),
            new NewDatasetCase("{}", "analyst", null, [], null, "upload"),
        ], author, CancellationToken.None);
        var evaluation = (await store.CreateEvaluationAsync(
            new NewEvaluation(id, dataset.Id, 1, version.ContentHash, version.CanonicalJson, null, null, null), author, CancellationToken.None)).Value!;
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(1, null, Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.RecordCaseAsync(evaluation.Id, new EvaluationCaseRecord(2, null, Json(Automated("auto"))), 0.01, CancellationToken.None);
        await store.FinishEvaluationAsync(evaluation.Id, EvaluationStatus.Succeeded, null, CancellationToken.None);
        await store.SetBudgetAsync(new WorkflowBudgetRecord(id, 0.01, null, null, false), new Actor("approver-2", "approver-2@demo.local"), CancellationToken.None);
        await new ModelService(
            AppServices.GetRequiredService<IModelRegistry>(), AppServices.GetRequiredService<RiskModelService>(),
            AppServices.GetRequiredService<IInferenceClient>(), workflows, AppServices.GetRequiredService<IAuditLog>())
            .TrainAsync(Principal("author-1", "author"), RiskModelService.ModelId, [], CancellationToken.None);
        SignIn("approver-1", "approver");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<ModelsPage>());

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=model-gate-2] [data-testid=model-gate-row]")), Patience);
        var row = cut.Find("[data-testid=model-gate-2] [data-testid=model-gate-row]").TextContent;
        Assert.Contains("Model gate triage v1", row, StringComparison.Ordinal);
        Assert.Contains("(follows latest)", row, StringComparison.Ordinal);
        Assert.Contains("100.0", row, StringComparison.Ordinal); // both cases automated
        Assert.Equal("does not pass", cut.Find("[data-testid=model-gate-2] [data-testid=model-gate-row-verdict]").TextContent);
        Assert.Equal("not all pass", cut.Find("[data-testid=model-gate-2] [data-testid=model-gate-verdict]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=model-gate-2] [data-testid=model-gate-required]"));
        var reason = cut.Find("[data-testid=model-gate-2] [data-testid=model-gate-reason]").TextContent;
        Assert.Contains("'Model gate triage' v1", reason, StringComparison.Ordinal);
        Assert.Contains("Wrong automatic decisions", reason, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=model-gate-1]")); // the approved v1 is not under review
    }

    private static string Json(ShadowResult result) => JsonSerializer.Serialize(result, WebJson);

    private static ShadowResult Automated(string end) => new() { Outcome = ShadowOutcomes.Automated, EndNode = end, Path = [], Scores = new Dictionary<string, double>(), LatencyMs = 5 };

    private static ClaimsPrincipal Principal(string id, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@demo.local"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test"));
}
