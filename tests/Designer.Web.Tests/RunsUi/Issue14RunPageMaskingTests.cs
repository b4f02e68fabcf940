using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.RunsUi;

/// <summary>Issue 14 item 1: the run page reads the stores, which hold vault tokens, so a viewer never sees the values.</summary>
public sealed class Issue14RunPageMaskingTests : RunsUiContext
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";

    [Fact]
    public async Task Render_Issue14_ViewerSeesTokensNotTheCustomersValues()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var input = RunApiFixture.Input(6000);
        input["description"] = $"Charged twice on card {Card}; reach me at {Email}.";
        var operatorClient = await App.ClientAsync(DesignerRoles.Operator);
        var response = await operatorClient.PostAsJsonAsync($"/api/workflows/{App.GateWorkflowId}/runs", new { input }, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonObject>(Xunit.TestContext.Current.CancellationToken))!["runId"]!.GetValue<Guid>();
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        cut.WaitForAssertion(() => Assert.Equal("waiting", Status(cut, "review")), WaitLimit);

        // Assert
        var shownInput = cut.Find("[data-testid=run-input]").TextContent;
        Assert.Contains("«email:", shownInput, StringComparison.Ordinal);
        Assert.Contains("«card:", shownInput, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, cut.Markup, StringComparison.Ordinal);
    }
}
