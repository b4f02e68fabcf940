using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 18 #14: every page logged a 404 for the icon browsers ask for.</summary>
public sealed class Issue18FaviconTests
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Get_Issue18_Favicon_Served(string path, string contentType)
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }
}
