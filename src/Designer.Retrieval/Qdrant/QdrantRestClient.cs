using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Designer.Retrieval.Qdrant;

/// <summary>A thin JSON-over-HTTP helper for Qdrant's REST API: sends a body, unwraps <c>result</c>, turns errors into exceptions.</summary>
internal sealed class QdrantRestClient(HttpClient http)
{
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryParse(text)?["status"]?["error"]?.GetValue<string>() ?? text;
            throw new HttpRequestException($"Qdrant {method} {path} failed with {(int)response.StatusCode}: {error}", null, response.StatusCode);
        }

        return TryParse(text)?["result"] ?? throw new InvalidOperationException($"Qdrant {method} {path} returned no result.");
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
