using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Collections;

/// <summary>
/// First start with the demo on: the embedding model is trained on the generated disputes, <c>past-disputes</c> is
/// ingested in the background, and the seeded dispute-triage workflow then runs end to end with retrieval evidence.
/// </summary>
public sealed class DemoCorpusTests
{
    private static readonly TimeSpan SeedLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task FirstStart_DemoCorpusIngested_DisputeTriageRunsWithRetrievalEvidence()
    {
        // Arrange
        await using var factory = new DesignerWebFactory { SeedCorpus = true };
        var viewer = await factory.ClientForAsync("viewer");
        var job = await WaitForSeedAsync(viewer);
        var author = await factory.ClientForAsync("author");
        var operatorClient = await factory.ClientForAsync("operator");
        var approver = await factory.ClientForAsync("approver");
        var workflowId = await author.CreateWorkflowAsync("Dispute triage e2e", DemoWorkflows.DisputeTriage());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{workflowId}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{workflowId}/versions/1/approve")).StatusCode);
        var highRisk = new JsonObject
        {
            ["amount"] = 6400,
            ["currency"] = "EUR",
            ["category"] = "fraud",
            ["merchant"] = "Nordic Electronics",
            ["description"] = "Someone used my card abroad for purchases I never made; my card was stolen last week.",
            ["customerTenureMonths"] = 2,
        };
        var lowRisk = new JsonObject
        {
            ["amount"] = 18.5,
            ["currency"] = "EUR",
            ["category"] = "quality",
            ["merchant"] = "Maple Books",
            ["description"] = "The book arrived with a torn cover; the shop offered an exchange.",
            ["customerTenureMonths"] = 96,
        };

        // Act
        var highRun = await RunApiTests.StartAsync(operatorClient, workflowId, highRisk);
        await RunApiTests.WaitForStatusAsync(viewer, highRun, "waitingForHuman");
        var lowRun = await RunApiTests.StartAsync(operatorClient, workflowId, lowRisk);
        var low = await RunApiTests.WaitForStatusAsync(viewer, lowRun, "completed");
        var trace = JsonNode.Parse(await viewer.GetStringAsync($"/api/runs/{highRun}/trace", TestContext.Current.CancellationToken))!.AsArray();

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"past-disputes: ingestion {job["startedAt"]} → {job["endedAt"]}, {job["ratePerSecond"]} docs/s");
        Assert.Equal(5000, job["done"]!.GetValue<int>());
        Assert.Equal(5000, job["total"]!.GetValue<int>());
        Assert.Equal("auto", low["endNode"]!.GetValue<string>());
        var retrieval = Assert.Single(trace, e => e!["kind"]!.GetValue<string>() == "node.completed" && e["nodeId"]?.GetValue<string>() == "similar");
        Assert.Equal("found", retrieval!["event"]!["port"]!.GetValue<string>());
        var evidence = retrieval["event"]!["data"]!["evidence"]!.AsArray();
        Assert.Equal(5, evidence.Count);
        Assert.All(evidence, hit =>
        {
            Assert.StartsWith("D-", hit!["id"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotNull(hit["chunk"]);
            Assert.True(hit["score"]!.GetValue<double>() > 0);
        });
        var task = await RunApiTests.PendingTaskAsync(approver, highRun);
        Assert.Contains(task["evidence"]!.AsArray(), e => e!.ToJsonString().Contains("\"evidence\"", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> WaitForSeedAsync(HttpClient client)
    {
        using var limit = new CancellationTokenSource(SeedLimit);
        while (true)
        {
            var response = await client.GetAsync("/api/collections/past-disputes/jobs", limit.Token);
            if (response.StatusCode == HttpStatusCode.OK && (await response.ReadObjectAsync())["items"]!.AsArray() is [var job, ..])
            {
                var status = job!["status"]!.GetValue<string>();
                Assert.False(status is "failed" or "cancelled", $"Seeding ended {status}: {job["error"]}");
                if (status == "succeeded")
                {
                    return job.AsObject();
                }
            }

            await Task.Delay(250, limit.Token);
        }
    }
}
