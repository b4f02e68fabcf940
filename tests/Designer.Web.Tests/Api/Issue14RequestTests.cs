using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Designer.Persistence;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Api;

/// <summary>Issue 14 item 3: CSRF, content types, return URLs, rate limits, logout and role re-checks.</summary>
public sealed partial class Issue14RequestTests(Issue14RequestTests.Fixture fixture) : IClassFixture<Issue14RequestTests.Fixture>
{
    [Fact]
    public async Task CookieApiPost_Issue14_WithoutAntiforgeryToken_RefusedAndWithItAccepted()
    {
        // Arrange: the browser's way in, a cookie.
        var client = fixture.Factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "author@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var create = () => ApiClientExtensions.Json("""{"name":"csrf target"}""");

        // Act
        var forged = await client.PostAsync("/api/workflows", create(), TestContext.Current.CancellationToken);
        var token = await (await client.GetAsync("/api/auth/antiforgery", TestContext.Current.CancellationToken)).ReadObjectAsync();
        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/api/workflows") { Content = create() };
        genuine.Headers.Add(token["headerName"]!.GetValue<string>(), token["requestToken"]!.GetValue<string>());
        var accepted = await client.SendAsync(genuine, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/workflows", "text/plain")]
    [InlineData("POST", "/api/workflows", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/api/workflows/import?format=designer", "text/plain")]
    [InlineData("PUT", "/api/workflows/{id}/draft", "text/plain")]
    [InlineData("POST", "/api/workflows/{id}/draft/validate", "multipart/form-data")]
    [InlineData("POST", "/api/workflows/{id}/runs", "text/plain")]
    [InlineData("POST", "/api/tasks/{id}/decision", "text/plain")]
    [InlineData("POST", "/api/collections", "text/plain")]
    [InlineData("POST", "/api/models/dispute-risk/train", "text/plain")]
    public async Task Post_Issue14_NonJsonBody_Returns415(string method, string path, string contentType)
    {
        var admin = await fixture.ClientAsync("admin");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", fixture.WorkflowId.ToString(), StringComparison.Ordinal))
        {
            Content = new StringContent("""{"name":"x"}""", Encoding.UTF8, contentType),
        };

        var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\/evil.example/")]
    public async Task LoginPage_Issue14_ForeignReturnUrl_RedirectsHome(string returnUrl)
    {
        var location = await LogInThroughThePageAsync(returnUrl);

        Assert.Equal("/workflows", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"left the site for {location}");
    }

    [Fact]
    public async Task LoginPage_Issue14_LocalReturnUrl_IsKept()
    {
        var location = await LogInThroughThePageAsync("runs?status=failed");

        Assert.Equal("/runs?status=failed", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Theory]
    [InlineData(null, "/workflows")]
    [InlineData("", "/workflows")]
    [InlineData("/inbox", "/inbox")]
    [InlineData("runs/1", "/runs/1")]
    [InlineData("/https://evil.example", "/workflows")]
    [InlineData("/\\evil.example", "/workflows")]
    [InlineData("/%0d%0aLocation:x", "/%0d%0aLocation:x")]
    [InlineData("/a\nb", "/workflows")]
    [InlineData("javascript:alert(1)", "/workflows")]
    public void Resolve_Issue14_OnlyLocalPaths(string? returnUrl, string expected)
    {
        Assert.Equal(expected, LocalUrl.Resolve(returnUrl));
    }

    [Fact]
    public async Task Logout_Issue14_RevokesRefreshTokens()
    {
        // Arrange
        var client = fixture.Factory.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "viewer@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken)).ReadObjectAsync();
        var refreshToken = login["refreshToken"]!.GetValue<string>();
        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());

        // Act
        var logout = await client.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = null;
        var afterLogout = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task Circuit_Issue14_RoleRevoked_FailsRevalidation()
    {
        // Arrange: a user of its own, so the shared demo users keep their roles.
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DesignerUser>>();
        var email = $"circuit-{Guid.NewGuid():N}@example.test";
        var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Circuit" };
        Assert.True((await users.CreateAsync(user, DesignerWebFactory.Password)).Succeeded);
        await users.AddToRolesAsync(user, ["approver", "viewer"]);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var before = await RoleRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal);

        // Act
        await users.RemoveFromRoleAsync(user, "approver");
        var after = await RoleRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal);

        // Assert
        Assert.True(before);
        Assert.False(after);
        Assert.IsType<RoleRevalidatingAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Fact]
    public async Task Login_Issue14_OverThePerIpLimit_Returns429WithRetryAfter()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        factory.Settings["Designer:Security:RateLimits:LoginPerMinute"] = "3";
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        // Act: wrong passwords, as a guesser would send them.
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.local", password = "guess-" + i }, TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        var adminMeanwhile = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter is not null, "Retry-After");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        // The limit stops the address, not the account: the guesses did not lock the admin (3 < 10 failures).
        Assert.Equal(HttpStatusCode.TooManyRequests, adminMeanwhile.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync("admin@demo.local"))!));
    }

    [Fact]
    public async Task RefreshRunStartAndSearch_Issue14_OverThePerIpLimit_Return429()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        factory.Settings["Designer:Security:RateLimits:RefreshPerMinute"] = "1";
        factory.Settings["Designer:Security:RateLimits:RunStartPerMinute"] = "1";
        factory.Settings["Designer:Security:RateLimits:SearchPerMinute"] = "1";
        var operatorClient = await factory.ClientForAsync("operator");
        var anonymous = factory.CreateClient();
        var run = $"/api/workflows/{Guid.NewGuid()}/runs";

        // Act
        var refresh = new[]
        {
            await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" }, TestContext.Current.CancellationToken),
            await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" }, TestContext.Current.CancellationToken),
        };
        var runs = new[] { await operatorClient.PostJsonAsync(run, new { }), await operatorClient.PostJsonAsync(run, new { }) };
        var searches = new[]
        {
            await operatorClient.GetAsync("/api/collections/none/search?q=card", TestContext.Current.CancellationToken),
            await operatorClient.GetAsync("/api/collections/none/search?q=card", TestContext.Current.CancellationToken),
        };

        // Assert
        Assert.NotEqual(HttpStatusCode.TooManyRequests, refresh[0].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refresh[1].StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, runs[0].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, runs[1].StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, searches[0].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, searches[1].StatusCode);
    }

    private async Task<Uri> LogInThroughThePageAsync(string returnUrl)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var page = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var fields = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = "viewer@demo.local";
        fields["Input.Password"] = DesignerWebFactory.Password;

        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    [GeneratedRegex(""""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInput();

    public sealed class Fixture : WebAppFixture
    {
        public Guid WorkflowId { get; private set; }

        protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());

        protected override async Task ConfigureAsync(DesignerWebFactory factory)
        {
            var author = await ClientAsync("author");
            WorkflowId = await author.CreateWorkflowAsync("Issue 14", DemoWorkflows.DisputeTriage());
        }
    }
}
