using System.Security.Claims;
using Bunit;
using Designer.Inference;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Models;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Web.Tests.Components;

public sealed class ModelsPageTests : UiTestContext
{
    /// <summary>The page waits for the risk model's first training, which takes seconds on a loaded CI machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override void ConfigureAppHost(HostApplicationBuilder builder) => builder.AddDesignerInference();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(AppServices.GetRequiredService<IModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<RiskModelService>());
        Services.AddSingleton(AppServices.GetRequiredService<IInferenceClient>());
        Services.AddScoped<ModelService>();

        // The page lists chat models too (issue 12).
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Inference.ChatModels.IChatModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Inference.ChatModels.ChatModelOptions>());
        Services.AddScoped<ChatModelService>();
    }

    [Fact]
    public void Render_AsViewer_ShowsBootstrapVersionWithMetricsAndNoButtons()
    {
        // Arrange
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("v1", cut.Find("[data-testid=model-version]").TextContent), Patience);
        Assert.Contains("Approved", cut.Find("[data-testid=model-status]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("0.8", cut.Find("[data-testid=metric-auc]").TextContent, StringComparison.Ordinal);
        Assert.Equal("5,000", cut.Find("[data-testid=metric-size]").TextContent);
        Assert.Contains("system:bootstrap", cut.Find("[data-testid=trained-by]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button[data-testid^=train-]"));
        Assert.Empty(cut.FindAll("button[data-testid^=approve-]"));
    }

    [Fact]
    public async Task Train_AsAuthor_AddsPendingVersionWithoutReviewButtons()
    {
        // Arrange
        SignIn("author-1", "author");
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=train-dispute-risk]", Patience);

        // Act
        await cut.Find("[data-testid=train-dispute-risk]").ClickAsync(new());

        // Assert: newest first.
        cut.WaitForAssertion(() => Assert.Equal("v2", cut.FindAll("[data-testid=model-version]")[0].TextContent), Patience);
        Assert.Contains("Pending approval", cut.FindAll("[data-testid=model-status]")[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=approve-2]"));
    }

    [Fact]
    public async Task Approve_AsOtherApprover_MarksVersionApproved()
    {
        // Arrange
        await TrainAsync("author-1", "author");
        SignIn("approver-1", "approver");
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=approve-2]", Patience);

        // Act: the page awaits the dialog's result, so the click completes only after the dialog closes.
        var approve = cut.Find("[data-testid=approve-2]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]", Patience);
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await approve;

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Approved", cut.FindAll("[data-testid=model-status]")[0].TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("[data-testid=approve-2]"));
        var served = await AppServices.GetRequiredService<IModelRegistry>().GetAsync(RiskModelService.ModelId, null, CancellationToken.None);
        Assert.Equal(2, served!.Version);
    }

    [Fact]
    public async Task ReviewButtons_ForTheVersionsTrainer_Hidden()
    {
        // Arrange: one person holding both roles trained v2.
        await TrainAsync("both-1", "author", "approver");
        SignIn("both-1", "author", "approver");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("v2", cut.FindAll("[data-testid=model-version]")[0].TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=approve-2]"));
        Assert.Empty(cut.FindAll("[data-testid=reject-2]"));
        Assert.Contains("both-1@demo.local", cut.FindAll("[data-testid=trained-by]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedBy_SubmittedDemoWorkflow_ListedUnderV1()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1", "Triage pinned");
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var versions = new Designer.Web.Workflows.VersionService(store, new WorkflowValidator());
        Assert.True((await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None)).IsSuccess);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Triage pinned v1", cut.Find("[data-testid=used-by]").TextContent, StringComparison.Ordinal), Patience);
    }

    private async Task TrainAsync(string userId, params string[] roles)
    {
        var service = new ModelService(
            AppServices.GetRequiredService<IModelRegistry>(), AppServices.GetRequiredService<RiskModelService>(),
            AppServices.GetRequiredService<IInferenceClient>(), AppServices.GetRequiredService<IWorkflowStore>(),
            AppServices.GetRequiredService<IAuditLog>());
        Assert.True((await service.TrainAsync(Principal(userId, roles), RiskModelService.ModelId, [], CancellationToken.None)).IsSuccess);
    }

    private IRenderedComponent<ProvidersHost> RenderPage() => Render<ProvidersHost>(p => p.AddChildContent<ModelsPage>());

    private static ClaimsPrincipal Principal(string id, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@demo.local"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test"));
}
