using System.Net;
using System.Text.RegularExpressions;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Designer.Web.Tests.Api;

/// <summary>The browser's side of authentication: cookie login through the form, antiforgery, page redirects.</summary>
public sealed partial class BrowserAuthTests(BrowserAuthTests.Fixture fixture) : IClassFixture<BrowserAuthTests.Fixture>
{
    [Fact]
    public async Task Page_Anonymous_RedirectsToLogin()
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/workflows");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_WithAntiforgeryToken_SetsCookieAndOpensPages()
    {
        // Arrange
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await ReadTokenAsync(client);

        // Act
        var login = await client.PostAsync("/login", Form(token, "approver@demo.local", DesignerWebFactory.Password));
        var page = await client.GetAsync("/workflows");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("designer.auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task LoginForm_WrongPassword_ShowsErrorWithoutCookie()
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await ReadTokenAsync(client);

        var login = await client.PostAsync("/login", Form(token, "approver@demo.local", "wrong-password"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("The email or password is wrong.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("designer.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_Rejected()
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.PostAsync("/login", Form(token: null, "approver@demo.local", DesignerWebFactory.Password));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie") && login.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("designer.auth", StringComparison.Ordinal)));
    }

    private static async Task<string> ReadTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/login");
        return TokenPattern().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string? token, string email, string password)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public sealed class Fixture : IAsyncLifetime
    {
        public DesignerWebFactory Factory { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
