using System.Security.Claims;
using Bunit;
using Designer.Hosting;
using Designer.Inference;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Persistence;
using Designer.Web.Components.Models;
using Designer.Web.Models;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 12: chat models on the models page — listed with usage, registered by authors, reviewed by another approver.</summary>
public sealed class Issue12ChatModelsPanelTests : UiTestContext
{
    private const string Endpoint = "http://127.0.0.1:9/v1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override void ConfigureAppHost(HostApplicationBuilder builder)
    {
        builder.Configuration["Designer:ChatModels:AllowedEndpoints:0"] = Endpoint;
        builder.AddDesignerInference();
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(AppServices.GetRequiredService<IChatModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<ChatModelOptions>());
        Services.AddScoped<ChatModelService>();
    }

    [Fact]
    public async Task Register_AsAuthor_AddsPendingVersionWithPricesAndNoReviewButtons()
    {
        // Arrange
        var user = SignIn("author-1", "author");
        var cut = RenderPanel(user);
        cut.WaitForElement("[data-testid=chat-models-empty]", Patience);
        Expand(cut);

        // Act
        cut.Find("[data-testid=chat-register-id]").Change("resolution-drafter");
        cut.Find("[data-testid=chat-register-model]").Change("llama3.1:8b");
        cut.Find("[data-testid=chat-register-secret]").Change("Ollama");
        cut.Find("[data-testid=chat-register-price-in]").Change("0.5");
        cut.Find("[data-testid=chat-register-price-out]").Change("1.5");
        await cut.Find("[data-testid=chat-register-submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("resolution-drafter@1", cut.Find("[data-testid=chat-model-ref]").TextContent), Patience);
        Assert.Contains("Pending approval", cut.Find("[data-testid=chat-model-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.5 · 1.5", cut.Find("[data-testid=chat-model-prices]").TextContent);
        Assert.Contains("author-1", cut.Find("[data-testid=chat-model-registered-by]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button[data-testid^=chat-approve-]"));
        var stored = await AppServices.GetRequiredService<IChatModelRegistry>().GetAsync("resolution-drafter", 1, CancellationToken.None);
        Assert.Equal(Endpoint, stored!.Endpoint);
        Assert.Equal("Ollama", stored.ApiKeySecret);
    }

    [Fact]
    public async Task Register_WithKeyInsteadOfSecretName_ListsTheProblemAndStoresNothing()
    {
        // Arrange
        var user = SignIn("author-1", "author");
        var cut = RenderPanel(user);
        cut.WaitForElement("[data-testid=chat-register]", Patience);
        Expand(cut);

        // Act
        cut.Find("[data-testid=chat-register-id]").Change("drafter");
        cut.Find("[data-testid=chat-register-model]").Change("gpt-4o-mini");
        cut.Find("[data-testid=chat-register-secret]").Change("sk-abcdefghijklmnopqrstuvwxyz0123456789");
        await cut.Find("[data-testid=chat-register-submit]").ClickAsync(new());

        // Assert
        cut.WaitForElement("[data-testid=chat-register-problem]", Patience);
        Assert.Empty(await AppServices.GetRequiredService<IChatModelRegistry>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Approve_AsAnotherApprover_ApprovesAndShowsWhoReviewedAndTheWorkflowUsingIt()
    {
        // Arrange: the demo workflow's draft step uses resolution-drafter (latest approved).
        await RegisterAsync("author-1");
        var id = await SeedWorkflowAsync("author-1", "Triage with draft");
        var versions = new Designer.Web.Workflows.VersionService(AppServices.GetRequiredService<IWorkflowStore>(), new Designer.Workflows.Validation.WorkflowValidator());
        Assert.True((await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None)).IsSuccess);
        var user = SignIn("approver-1", "approver");
        var cut = RenderPanel(user);
        cut.WaitForElement("[data-testid=chat-approve-resolution-drafter-1]", Patience);

        // Act
        var approve = cut.Find("[data-testid=chat-approve-resolution-drafter-1]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]", Patience);
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await approve;

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Approved", cut.Find("[data-testid=chat-model-status]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("approver-1", cut.Find("[data-testid=chat-model-reviewed-by]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Triage with draft v1 · draft (latest)", cut.Find("[data-testid=chat-model-used-by]").TextContent, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Approved, (await AppServices.GetRequiredService<IChatModelRegistry>().GetAsync("resolution-drafter", 1, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReviewButtons_ForTheRegistrant_HiddenAndServiceRefuses()
    {
        // Arrange: one person holding both roles registered v1.
        await RegisterAsync("both-1");
        var user = SignIn("both-1", "author", "approver");

        // Act
        var cut = RenderPanel(user);
        cut.WaitForElement("[data-testid=chat-model-ref]", Patience);
        var forced = await NewService().ReviewAsync(
            Principal("both-1", "author", "approver"), "resolution-drafter", 1, ModelStatus.Approved, null, CancellationToken.None);

        // Assert
        Assert.Empty(cut.FindAll("button[data-testid^=chat-approve-]"));
        Assert.Equal(OperationErrorKind.Forbidden, forced.Error!.Kind);
    }

    [Fact]
    public void Render_AsViewer_ListsWithoutRegisterForm()
    {
        // Arrange
        var user = SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPanel(user);

        // Assert
        cut.WaitForElement("[data-testid=chat-models-empty]", Patience);
        Assert.Empty(cut.FindAll("[data-testid=chat-register]"));
    }

    private async Task RegisterAsync(string authorId)
    {
        var registered = await NewService().RegisterAsync(Principal(authorId, "author"), new ChatModelRegistration
        {
            Id = "resolution-drafter",
            Provider = ChatProviderKinds.OpenAiCompatible,
            Endpoint = Endpoint,
            ModelName = "llama3.1:8b",
            RegisteredBy = authorId,
        }, CancellationToken.None);
        Assert.True(registered.IsSuccess, registered.Error?.Detail);
    }

    private static void Expand(IRenderedComponent<ProvidersHost> cut)
    {
        cut.Find("[data-testid=chat-register] .mud-expand-panel-header").Click();
        cut.WaitForElement("[data-testid=chat-register-submit]", Patience);
    }

    private ChatModelService NewService() => new(
        AppServices.GetRequiredService<IChatModelRegistry>(), AppServices.GetRequiredService<IWorkflowStore>(), AppServices.GetRequiredService<IAuditLog>());

    private IRenderedComponent<ProvidersHost> RenderPanel(ClaimsPrincipal user) =>
        Render<ProvidersHost>(p => p.AddChildContent<ChatModelsPanel>(c => c.Add(x => x.User, user)));

    private static ClaimsPrincipal Principal(string id, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@demo.local"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test"));
}
