using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>Small helpers that keep API tests about behaviour, not plumbing.</summary>
internal static class ApiClientExtensions
{
    public static async Task<Guid> CreateWorkflowAsync(this HttpClient client, string name, WorkflowDefinition? definition = null)
    {
        var body = new JsonObject { ["name"] = name };
        if (definition is not null)
        {
            body["definition"] = JsonNode.Parse(WorkflowJson.Serialize(definition));
        }

        var response = await client.PostAsync("/api/workflows", Json(body.ToJsonString()));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return created!["id"]!.GetValue<Guid>();
    }

    public static async Task<(JsonObject Draft, string ETag)> GetDraftAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/workflows/{id}/draft");
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.ToString());
    }

    public static Task<HttpResponseMessage> PutDraftAsync(this HttpClient client, Guid id, string json, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{id}/draft") { Content = Json(json) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsync(url, body is null ? null : Json(JsonSerializer.Serialize(body)));

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
