using Bunit;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Components;

public sealed class DesignerPageTests : UiTestContext
{
    [Fact]
    public async Task Render_ValidDraft_ShowsDesignerWithNoProblems()
    {
        var id = await SeedWorkflowAsync("author-1");
        SignIn("viewer-1", "viewer");

        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerPage>(c => c.Add(x => x.Id, id)));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=designer]").GetAttribute("data-problem-count")));
        Assert.Equal("Dispute triage", cut.Find("[data-testid=workflow-name]").TextContent);
    }

    [Fact]
    public void Render_UnknownWorkflow_SaysSo()
    {
        SignIn("viewer-1", "viewer");

        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerPage>(c => c.Add(x => x.Id, Guid.NewGuid())));

        cut.WaitForAssertion(() => Assert.Contains("does not exist", cut.Markup, StringComparison.Ordinal));
    }
}
