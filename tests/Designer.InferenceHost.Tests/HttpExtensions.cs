using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.InferenceHost.Tests;

internal static class HttpExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static List<string> Errors(this JsonObject problem) =>
        problem["errors"]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];

    /// <summary>A valid 10-feature dispute-risk row as JSON.</summary>
    public const string RiskRow = "[120.5, 0, 1, 0, 0, 0, 0.05, 24, 0, 1]";
}
