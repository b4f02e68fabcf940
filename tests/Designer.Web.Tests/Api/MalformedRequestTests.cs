using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>What a user can type never yields a 500: binding failures are 400 ProblemDetails saying what failed.</summary>
public sealed class MalformedRequestTests(MalformedRequestTests.Fixture fixture) : IClassFixture<MalformedRequestTests.Fixture>
{
    [Theory]
    [InlineData("/api/workflows?page=abc", "page")]
    [InlineData("/api/workflows?pageSize=1e9", "pageSize")]
    [InlineData("/api/audit?page=-", "page")]
    public async Task Get_NonNumericPaging_Returns400NamingTheParameter(string url, string parameter)
    {
        var client = await fixture.Factory.ClientForAsync("admin");

        var response = await client.GetAsync(url);
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("{\"email\":5}")]
    [InlineData("[]")]
    public async Task Login_MalformedBody_Returns400(string body)
    {
        var client = fixture.Factory.CreateClient();

        var response = await client.PostAsync("/api/auth/login", ApiClientExtensions.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public DesignerWebFactory Factory { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
