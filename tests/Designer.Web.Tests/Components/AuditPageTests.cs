using Bunit;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Components;

public sealed class AuditPageTests : UiTestContext
{
    [Fact]
    public async Task Verify_IntactChain_SaysIntactWithCount()
    {
        await SeedWorkflowAsync("author-1", "Audited one");
        await SeedWorkflowAsync("author-1", "Audited two");
        SignIn("admin-1", "admin");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<AuditPage>());

        await cut.Find("[data-testid=verify]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("intact: 2 entries", cut.Find("[data-testid=verification]").TextContent, StringComparison.Ordinal));
        Assert.Contains("workflow.created", cut.Find("[data-testid=audit-table]").TextContent, StringComparison.Ordinal);
    }
}
