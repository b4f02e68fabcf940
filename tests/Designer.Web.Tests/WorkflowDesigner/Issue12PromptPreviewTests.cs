using System.Text.Json.Nodes;
using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;
using MudBlazor.Services;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 12: the prompt editor previews what the model would receive and completes variable names.</summary>
public sealed class Issue12PromptPreviewTests : BunitContext
{
    public Issue12PromptPreviewTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Preview_DemoDraftStep_RendersSampleInputWithoutPlaceholders()
    {
        // Act
        var cut = RenderForm(DraftConfig(), _ => { });

        // Assert
        var user = cut.Find("[data-testid=prompt-preview-user]").TextContent;
        Assert.StartsWith("Dispute: fraud claim of 0 <currency> at <merchant>.", user, StringComparison.Ordinal);
        Assert.Contains("Risk score: unavailable", user, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", user, StringComparison.Ordinal);
        Assert.Contains("sample input from the start schema", cut.Find("[data-testid=prompt-preview-source]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft a resolution", cut.Find("[data-testid=prompt-preview-system]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_PromptWithPersonalData_ShowsItMaskedAsItWouldBeSent()
    {
        // Arrange
        var config = DraftConfig();
        config["promptTemplate"] = "Write to jane.doe@example.com or +44 20 7946 0958 about {{input.merchant}}.";

        // Act
        var cut = RenderForm(config, _ => { });

        // Assert
        var user = cut.Find("[data-testid=prompt-preview-user]").TextContent;
        Assert.DoesNotContain("jane.doe@example.com", user, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", user, StringComparison.Ordinal);
        Assert.Contains("<merchant>", user, StringComparison.Ordinal);
        Assert.Contains("1 email", cut.Find("[data-testid=prompt-preview-source]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_PlaceholderThatThrows_ShowsTheErrorInsteadOfAPrompt()
    {
        // Arrange
        var config = DraftConfig();
        config["promptTemplate"] = "{{nodes.risk.score.toFixed(2)}}";

        // Act
        var cut = RenderForm(config, _ => { });

        // Assert
        Assert.NotEmpty(cut.Find("[data-testid=prompt-preview-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=prompt-preview-user]"));
    }

    [Fact]
    public async Task Completion_PartialPlaceholder_OffersMatchingVariablesAndCompletesIt()
    {
        // Arrange
        var config = DraftConfig();
        config["promptTemplate"] = "Amount {{ input.am";
        JsonObject? changed = null;
        var cut = RenderForm(config, c => changed = c);

        // Act
        var offered = cut.FindAll("[data-testid=prompt-completion]").Select(c => c.TextContent.Trim()).ToList();
        await cut.FindAll("[data-testid=prompt-completion]").Single(c => c.TextContent.Trim() == "input.amount").ClickAsync(new());

        // Assert
        Assert.Equal(["input.amount"], offered);
        Assert.Equal("Amount {{input.amount}}", changed!["promptTemplate"]!.GetValue<string>());
    }

    [Fact]
    public void Completion_EmptyPartial_OffersUpstreamNodesButNotDownstreamOnes()
    {
        // Arrange
        var config = DraftConfig();
        config["promptTemplate"] = "Risk {{nodes.";

        // Act
        var cut = RenderForm(config, _ => { });

        // Assert
        var offered = cut.FindAll("[data-testid=prompt-completion]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("nodes.risk.score", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith("nodes.review", StringComparison.Ordinal));
    }

    private static JsonObject DraftConfig() => (JsonObject)DemoWorkflows.DisputeTriage().Nodes.Single(n => n.Id == "draft").Config.DeepClone();

    private IRenderedComponent<ProvidersHost> RenderForm(JsonObject config, Action<JsonObject> changed)
    {
        var cut = Render<ProvidersHost>(p => p.AddChildContent<ModelForm>(c => c
            .Add(x => x.Config, config)
            .Add(x => x.Definition, DemoWorkflows.DisputeTriage())
            .Add(x => x.NodeId, "draft")
            .Add(x => x.ConfigChanged, changed)));
        cut.Find("[data-testid=chat-panel] .mud-expand-panel-header").Click();
        cut.WaitForElement("[data-testid=prompt-preview]");
        return cut;
    }
}
