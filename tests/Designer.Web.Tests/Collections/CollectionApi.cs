using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

/// <summary>Helpers for the collection API tests: a small corpus, creating, ingesting and waiting for jobs.</summary>
internal static class CollectionApi
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);

    /// <summary>Twelve short dispute-like documents in three categories.</summary>
    public static JsonArray Documents() =>
    [
        Doc("d-01", "The card was charged twice for the same hotel booking in Lisbon.", "duplicate", 240),
        Doc("d-02", "I was billed two times for one grocery order, please refund the duplicate payment.", "duplicate", 61),
        Doc("d-03", "A duplicate charge appeared for my streaming subscription this month.", "duplicate", 12),
        Doc("d-04", "Someone used my card in another country; I never made these purchases.", "fraud", 1900),
        Doc("d-05", "Unknown transactions at an electronics shop that I did not authorise.", "fraud", 830),
        Doc("d-06", "My card was stolen and the thief bought jewellery with it.", "fraud", 4200),
        Doc("d-07", "The parcel never arrived although the shop says it was delivered.", "not-received", 75),
        Doc("d-08", "Ordered a sofa six weeks ago and nothing was ever shipped.", "not-received", 1200),
        Doc("d-09", "The concert was cancelled and the tickets were not refunded.", "not-received", 150),
        Doc("d-10", "The shoes fell apart after two days of normal wear.", "quality", 90),
        Doc("d-11", "The laptop screen arrived cracked and the seller refuses a return.", "quality", 1400),
        Doc("d-12", "The book arrived with a torn cover and missing pages.", "quality", 25),
    ];

    /// <summary>The corpus the tests train the default embedding model on: the documents plus some filler.</summary>
    public static IReadOnlyList<string> TrainingCorpus() =>
    [
        .. Documents().Select(d => d!["text"]!.GetValue<string>()),
        "The bank refunded the customer after the merchant confirmed the error.",
        "The charge was reversed once the merchant agreed to cancel the order.",
        "The customer reported the card lost and a new card was issued.",
        "Delivery was late but the goods eventually arrived in good condition.",
    ];

    public static async Task CreateAsync(HttpClient author, string name, object? extra = null)
    {
        var body = new JsonObject { ["name"] = name, ["chunkSize"] = 64, ["chunkOverlap"] = 16 };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var response = await author.PostAsync("/api/collections", ApiClientExtensions.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<Guid> IngestAsync(HttpClient author, string name, JsonArray documents, bool ndjson = false)
    {
        var content = ndjson
            ? new StringContent(string.Join('\n', documents.Select(d => d!.ToJsonString())), Encoding.UTF8, "application/x-ndjson")
            : ApiClientExtensions.Json(new JsonObject { ["documents"] = documents.DeepClone() }.ToJsonString());
        var response = await author.PostAsync($"/api/collections/{name}/documents", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> WaitForJobAsync(HttpClient client, string name, Guid jobId, string status = "succeeded")
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var job = await (await client.GetAsync($"/api/collections/{name}/jobs/{jobId}", limit.Token)).ReadObjectAsync();
            var current = job["status"]!.GetValue<string>();
            if (current == status)
            {
                return job;
            }

            Assert.False(current is "succeeded" or "failed" or "cancelled", $"Job {jobId} ended {current} ({job["error"]}), expected {status}.");
            await Task.Delay(50, limit.Token);
        }
    }

    public static async Task<JsonArray> SearchAsync(HttpClient client, string name, string query, string mode = "hybrid", int k = 3, string? filter = null)
    {
        var url = $"/api/collections/{name}/search?q={Uri.EscapeDataString(query)}&k={k}&mode={mode}"
            + (filter is null ? string.Empty : "&filter=" + Uri.EscapeDataString(filter));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }

    public static string Name() => "c-" + Guid.NewGuid().ToString("N")[..10];

    private static JsonObject Doc(string id, string text, string category, int amount) => new()
    {
        ["id"] = id,
        ["text"] = text,
        ["metadata"] = new JsonObject { ["category"] = category, ["amount"] = amount },
    };
}
