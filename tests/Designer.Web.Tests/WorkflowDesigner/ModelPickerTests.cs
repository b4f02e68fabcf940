using Bunit;
using Designer.Inference;
using Designer.Inference.Registry;
using Designer.Inference.Training;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Models;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>The model node's picker over the real model registry: approved versions only.</summary>
public sealed class ModelPickerTests : UiTestContext
{
    protected override void ConfigureAppHost(HostApplicationBuilder builder) => builder.AddDesignerInference();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<IModelCatalogView>(new RegistryModelCatalogView(AppServices.GetRequiredService<IModelRegistry>()));
    }

    [Fact]
    public async Task Picker_PendingRetrainedVersion_ListsOnlyApprovedVersion()
    {
        // Arrange: the bootstrap v1 is approved; a retrained v2 waits for approval.
        await AppServices.GetRequiredService<RiskModelService>().RetrainAsync([], "author-2", CancellationToken.None);
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerWorkspace>(c => c.Add(x => x.WorkflowId, id)));
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "load"));

        // Act
        await cut.InvokeAsync(() => cut.FindComponent<DesignerCanvas>().Instance.OnSelectionChanged(["risk"], []));
        cut.WaitForElement("[data-testid=model-picker]").MouseDown();

        // Assert
        var items = cut.WaitForElements(".mud-popover-open .mud-list-item");
        Assert.Equal(["dispute-risk v1"], items.Select(i => i.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=model-id]"));
    }
}
