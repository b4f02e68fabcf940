using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Designer.E2E.Tests;

/// <summary>Sets up server state through the public API, so browser tests start where their story starts.</summary>
internal static class DemoApi
{
    public static async Task<HttpClient> ClientAsync(Uri app, string role)
    {
        var client = new HttpClient { BaseAddress = app };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = E2EApp.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The seeded demo workflow's id, with its draft submitted and approved as the active v1.</summary>
    public static async Task<Guid> PublishDemoAsync(Uri app)
    {
        using var author = await ClientAsync(app, "author");
        using var approver = await ClientAsync(app, "approver");
        var list = await author.GetFromJsonAsync<JsonObject>("/api/workflows");
        var id = list!["items"]![0]!["id"]!.GetValue<Guid>();
        (await author.PostAsync($"/api/workflows/{id}/versions", null)).EnsureSuccessStatusCode();
        (await approver.PostAsync($"/api/workflows/{id}/versions/1/approve", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Creates a workflow whose draft is <paramref name="definition"/>; returns its id.</summary>
    public static async Task<Guid> CreateWorkflowAsync(Uri app, JsonObject definition)
    {
        using var author = await ClientAsync(app, "author");
        var body = new JsonObject { ["name"] = definition["name"]?.GetValue<string>(), ["description"] = "generated", ["definition"] = definition };
        var response = await author.PostAsJsonAsync("/api/workflows", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
