using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Batches;

/// <summary>
/// Issue 16 item 1 (batch runs): a CSV or NDJSON file → one run per row, checked against the start schema first
/// (every bad line listed, nothing started unless bad rows are skipped), throttled, with progress and a results CSV.
/// </summary>
public abstract class Issue16BatchTests(Issue16BatchFixture fixture)
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    protected abstract void EnsureProvider();

    [Fact]
    public async Task Csv_Issue16_ThousandRows_AllRunWithProgressAndResultsCsv()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();
        var csv = new StringBuilder("amount,currency,count,urgent\n");
        for (var i = 0; i < 1000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i}.5,EUR,{i},{(i % 2 == 0 ? "true" : "false")}\n");
        }

        // Act
        var response = await PostAsync(id, csv.ToString(), "text/csv");
        var body = await response.ReadObjectAsync();
        var snapshots = await FollowAsync(body["id"]!.GetValue<Guid>());
        var results = await (await (await fixture.ClientAsync("viewer")).GetAsync($"/api/batches/{body["id"]}/results.csv")).Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1000, body["rows"]!.GetValue<int>());
        Assert.All(snapshots, s => Assert.Equal(1000, Sum(s)));
        Assert.True(snapshots.Count > 1, "progress is reported while the batch runs");
        Assert.Equal(snapshots.Select(Done), snapshots.Select(Done).Order());
        Assert.Equal(1000, snapshots[^1]["succeeded"]!.GetValue<int>());
        var lines = results.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,status,run_id,run_status,end_node,error", lines[0]);
        Assert.Equal(1001, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",succeeded,", l, StringComparison.Ordinal));
        Assert.Equal(1000, lines.Skip(1).Select(l => l.Split(',')[2]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("2", lines[1].Split(',')[0]);
        Assert.Equal(1000, await RunCountAsync(id));
    }

    [Fact]
    public async Task Csv_Issue16_OneBadRow_ProblemNamesItsLineAndNothingIsStartedOrStored()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();
        const string csv = "amount,currency,count,urgent\n1,EUR,1,true\n2,EUR,2,false\nabc,EUR,3,true\n4,EUR,4,true\n";

        // Act
        var response = await PostAsync(id, csv, "text/csv");
        var problem = await response.ReadObjectAsync();
        var listed = await (await (await fixture.ClientAsync("viewer")).GetAsync($"/api/workflows/{id}/batches")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("line 4", error["field"]!.GetValue<string>());
        Assert.Contains("'abc' is not a valid number", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([4], problem["badLines"]!.AsArray().Select(l => l!.GetValue<int>()));
        Assert.Empty(listed["items"]!.AsArray());
        Assert.Equal(0, await RunCountAsync(id));
    }

    [Fact]
    public async Task Csv_Issue16_SkipBadRows_StartsTheValidRowsAndCountsTheSkipped()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();
        const string csv = "amount,currency\n1,EUR\n-5,EUR\n3,EU\n4,USD\n";

        // Act
        var response = await PostAsync(id, csv, "text/csv", "?skipBadRows=true");
        var body = await response.ReadObjectAsync();
        var snapshots = await FollowAsync(body["id"]!.GetValue<Guid>());

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((2, 2), (body["rows"]!.GetValue<int>(), body["skipped"]!.GetValue<int>()));
        Assert.Equal(2, snapshots[^1]["succeeded"]!.GetValue<int>());
        Assert.Equal(2, await RunCountAsync(id));
    }

    [Fact]
    public async Task Ndjson_Issue16_BadLineNamedGoodFileRunsAsTheUploader()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();
        const string bad = "{\"amount\":1,\"currency\":\"EUR\"}\n{\"amount\":2}\n\n[1,2]\n";
        const string good = "{\"amount\":1,\"currency\":\"EUR\"}\r\n{\"amount\":2,\"currency\":\"GBP\",\"urgent\":true}\n";

        // Act
        var refused = await PostAsync(id, bad, "application/x-ndjson");
        var problem = await refused.ReadObjectAsync();
        var accepted = await PostAsync(id, good, "application/x-ndjson");
        var body = await accepted.ReadObjectAsync();
        await FollowAsync(body["id"]!.GetValue<Guid>());
        var runs = await (await (await fixture.ClientAsync("viewer")).GetAsync($"/api/runs?workflowId={id}")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["line 2", "line 4"], problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("ndjson", body["format"]!.GetValue<string>());
        Assert.Equal(2, runs["total"]!.GetValue<long>());
        Assert.All(runs["items"]!.AsArray(), r => Assert.Contains("operator", r!["startedBy"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_Issue16_OversizedWrongTypeNoActiveVersionBadHeader_RefusedNothingStored()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();
        var draftOnly = await fixture.PublishTrivialAsync(approve: false);
        var huge = "amount,currency\n" + string.Concat(Enumerable.Repeat("1,EUR\n", (Issue16BatchFixture.MaxBodyBytes / 6) + 10));

        // Act
        var tooLarge = await PostAsync(id, huge, "text/csv");
        var wrongType = await PostAsync(id, "amount\n1\n", "text/plain");
        var noVersion = await PostAsync(draftOnly, "amount,currency\n1,EUR\n", "text/csv");
        var badHeader = await PostAsync(id, "amount,currency,colour\n1,EUR,red\n", "text/csv");
        var empty = await PostAsync(id, "amount,currency\n", "text/csv");
        var unknown = await PostAsync(Guid.NewGuid(), "amount,currency\n1,EUR\n", "text/csv");
        var listed = await (await (await fixture.ClientAsync("viewer")).GetAsync($"/api/workflows/{id}/batches")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Contains("'colour' is not a field", (await badHeader.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(listed["items"]!.AsArray());
        Assert.Equal(0, await RunCountAsync(id));
    }

    [Fact]
    public async Task Upload_Issue16_AuditedAndListedAndUnknownBatchIs404()
    {
        // Arrange
        EnsureProvider();
        var id = await fixture.PublishTrivialAsync();

        // Act
        var response = await PostAsync(id, "amount,currency\n7,EUR\n", "text/csv");
        var batchId = (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
        await FollowAsync(batchId);
        var viewer = await fixture.ClientAsync("viewer");
        var listed = await (await viewer.GetAsync($"/api/workflows/{id}/batches")).ReadObjectAsync();
        var audit = await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();
        var missing = await viewer.GetAsync($"/api/batches/{Guid.NewGuid()}");
        var missingCsv = await viewer.GetAsync($"/api/batches/{Guid.NewGuid()}/results.csv");

        // Assert
        Assert.Equal($"/api/batches/{batchId}", response.Headers.Location?.OriginalString);
        Assert.Equal(batchId, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "workflow.batch.created");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingCsv.StatusCode);
    }

    private static int Sum(JsonObject p) =>
        new[] { "pending", "running", "waiting", "succeeded", "failed" }.Sum(k => p[k]!.GetValue<int>());

    private static int Done(JsonObject p) => p["succeeded"]!.GetValue<int>() + p["failed"]!.GetValue<int>();

    private async Task<HttpResponseMessage> PostAsync(Guid workflowId, string body, string contentType, string query = "")
    {
        var client = await fixture.ClientAsync("operator");
        var response = await client.PostAsync($"/api/workflows/{workflowId}/batches{query}", new StringContent(body, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    /// <summary>Polls the batch until every run has ended; returns each progress seen (waits on the condition, not a time).</summary>
    private async Task<List<JsonObject>> FollowAsync(Guid batchId)
    {
        var client = await fixture.ClientAsync("viewer");
        var snapshots = new List<JsonObject>();
        var deadline = DateTimeOffset.UtcNow + Generous;
        while (true)
        {
            var batch = await (await client.GetAsync($"/api/batches/{batchId}", TestContext.Current.CancellationToken)).ReadObjectAsync();
            snapshots.Add(batch["progress"]!.AsObject());
            if (batch["finished"]!.GetValue<bool>())
            {
                return snapshots;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"batch {batchId} did not finish in {Generous}: {batch.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<long> RunCountAsync(Guid workflowId) =>
        (await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/runs?workflowId={workflowId}&pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
