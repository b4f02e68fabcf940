using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>
/// The canvas library is copied into wwwroot/lib/x6 during the build; on a fresh clone such files are easily missed
/// by static web assets (dotnet/sdk#55883). The build's endpoint manifest and the running app must both have them.
/// </summary>
public sealed class StaticAssetsTests
{
    [Theory]
    [InlineData("lib/x6/x6.min.js")]
    [InlineData("lib/x6/LICENSE")]
    [InlineData("js/designer-canvas.js")]
    public void EndpointsManifest_CanvasAssets_Listed(string route)
    {
        // Arrange
        var manifest = Path.Combine(AppContext.BaseDirectory, "Designer.Web.staticwebassets.endpoints.json");

        // Act
        var routes = JsonNode.Parse(File.ReadAllText(manifest))!["Endpoints"]!.AsArray().Select(e => e!["Route"]!.GetValue<string>());

        // Assert
        Assert.Contains(route, routes);
    }

    [Fact]
    public async Task Get_X6Bundle_Served()
    {
        await using var factory = new DesignerWebFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/lib/x6/x6.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("X6", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
