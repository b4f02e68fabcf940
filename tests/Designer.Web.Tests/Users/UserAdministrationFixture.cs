using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Users;

/// <summary>One app per database provider for the account-administration tests; the admin's client is logged in once.</summary>
public abstract class UserAdministrationFixture : IAsyncLifetime
{
    public DesignerWebFactory Factory { get; private set; } = default!;

    public HttpClient Admin { get; private set; } = default!;

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();

    public async ValueTask InitializeAsync()
    {
        Factory = await CreateFactoryAsync();
        Admin = await Factory.ClientForAsync("admin");
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates an account through the API and returns its id and password (generated when none is given).</summary>
    public async Task<(string Id, string Email, string Password)> CreateUserAsync(string[] roles, string? password = null)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        var response = await Admin.PostAsJsonAsync("/api/users", new { email, roles, password });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["user"]!["id"]!.GetValue<string>(), email, password ?? body["temporaryPassword"]!.GetValue<string>());
    }

    /// <summary>Logs in; returns the token body, or null with the status when refused.</summary>
    public async Task<(JsonObject? Tokens, System.Net.HttpStatusCode Status)> LoginAsync(string email, string password)
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        return (response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null, response.StatusCode);
    }

    public HttpClient ClientWithToken(JsonObject tokens)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        return client;
    }
}
