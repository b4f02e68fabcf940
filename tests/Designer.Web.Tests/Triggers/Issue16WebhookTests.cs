using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Rollouts;
using Designer.Web.Tests.Runs;
using Designer.Web.Triggers;

namespace Designer.Web.Tests.Triggers;

/// <summary>
/// Issue 16 item 1a: workflow API keys (created, rotated, revoked by admins and operators, audited) and the webhook
/// <c>POST /hooks/{workflowId}</c> they authenticate — HMAC, idempotent redelivery, synchronous reply, bad input.
/// </summary>
public abstract class Issue16WebhookTests(Issue13RolloutFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task ApiKeys_Issue16_CreateRotateRevoke_SecretShownOnceStoredHashedAndAudited()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 keys", approveV2: false);

        // Act
        var created = await CreateKeyAsync(operatorClient, id, signed: false);
        var listed = await (await operatorClient.GetAsync($"/api/workflows/{id}/api-keys")).ReadObjectAsync();
        var firstKey = created["key"]!.GetValue<string>();
        var keyId = created["id"]!.GetValue<Guid>();
        var beforeRotate = await DeliverAsync(id, firstKey, RunApiFixture.Input(10));
        var rotated = await (await operatorClient.PostJsonAsync($"/api/workflows/{id}/api-keys/{keyId}/rotate")).ReadObjectAsync();
        var oldAfterRotate = await DeliverAsync(id, firstKey, RunApiFixture.Input(10));
        var newAfterRotate = await DeliverAsync(id, rotated["key"]!.GetValue<string>(), RunApiFixture.Input(10));
        var revoked = await operatorClient.DeleteAsync($"/api/workflows/{id}/api-keys/{keyId}");
        var afterRevoke = await DeliverAsync(id, rotated["key"]!.GetValue<string>(), RunApiFixture.Input(10));
        var revokedAgain = await operatorClient.DeleteAsync($"/api/workflows/{id}/api-keys/{keyId}");
        var audit = await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();
        var badCreate = await operatorClient.PostAsync($"/api/workflows/{id}/api-keys", ApiClientExtensions.Json("""{"name":"","signed":"yes"}"""));

        // Assert
        Assert.StartsWith(created["prefix"]!.GetValue<string>() + "_", firstKey, StringComparison.Ordinal);
        var item = Assert.Single(listed["items"]!.AsArray())!;
        Assert.Null(item["key"]);
        Assert.DoesNotContain(firstKey, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, beforeRotate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfterRotate.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, newAfterRotate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("application/problem+json", afterRevoke.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, revokedAgain.StatusCode);
        var actions = audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("workflow.api-key.created", actions);
        Assert.Contains("workflow.api-key.rotated", actions);
        Assert.Single(actions, a => a == "workflow.api-key.revoked");
        Assert.DoesNotContain(firstKey, audit.ToJsonString(), StringComparison.Ordinal);
        var stored = await (await operatorClient.GetAsync($"/api/workflows/{id}/api-keys")).ReadObjectAsync();
        Assert.NotNull(stored["items"]![0]!["revokedAt"]);
        Assert.NotNull(stored["items"]![0]!["lastUsedAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, badCreate.StatusCode);
        Assert.Equal(["name", "signed"], (await badCreate.ReadObjectAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hook_Issue16_KeyOfAnotherWorkflowOrNoKeyOrUnknownWorkflow_Same401()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var first = await fixture.CreateTwoVersionsAsync("Issue16 first", approveV2: false);
        var second = await fixture.CreateTwoVersionsAsync("Issue16 second", approveV2: false);
        var key = (await CreateKeyAsync(operatorClient, first, signed: false))["key"]!.GetValue<string>();

        // Act
        var other = await DeliverAsync(second, key, RunApiFixture.Input(10));
        var unknown = await DeliverAsync(Guid.NewGuid(), key, RunApiFixture.Input(10));
        var none = await DeliverAsync(first, null, RunApiFixture.Input(10));
        var userToken = await DeliverWithUserTokenAsync(operatorClient, first);
        var viaHeader = await DeliverAsync(first, key, RunApiFixture.Input(10), useApiKeyHeader: true);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, userToken.StatusCode);
        Assert.Equal((await other.ReadObjectAsync())["detail"]!.GetValue<string>(), (await unknown.ReadObjectAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, viaHeader.StatusCode);
        Assert.Equal(0, await RunCountAsync(second));
    }

    [Fact]
    public async Task Hook_Issue16_SignedKey_GoodSignatureAcceptedBadOrStaleOrMissingRefused()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("admin");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 hmac", approveV2: false);
        var created = await CreateKeyAsync(operatorClient, id, signed: true);
        var key = created["key"]!.GetValue<string>();
        var secret = created["signingSecret"]!.GetValue<string>();
        var body = RunApiFixture.Input(10).ToJsonString();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Act
        var good = await DeliverRawAsync(id, key, body, now.ToString(CultureInfo.InvariantCulture), WebhookSignature.Sign(secret, now, body));
        var tampered = await DeliverRawAsync(id, key, body.Replace("10", "11", StringComparison.Ordinal), now.ToString(CultureInfo.InvariantCulture), WebhookSignature.Sign(secret, now, body));
        var stale = await DeliverRawAsync(id, key, body, (now - 301).ToString(CultureInfo.InvariantCulture), WebhookSignature.Sign(secret, now - 301, body));
        var wrongSecret = await DeliverRawAsync(id, key, body, now.ToString(CultureInfo.InvariantCulture), WebhookSignature.Sign("whsec_other", now, body));
        var missing = await DeliverRawAsync(id, key, body, null, null);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("replay", (await stale.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(1, await RunCountAsync(id));
    }

    [Fact]
    public async Task Hook_Issue16_RedeliveryWithSameKey_ReturnsFirstRunDifferentBodyRefused()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 idempotent", approveV2: false);
        var key = (await CreateKeyAsync(operatorClient, id, signed: false))["key"]!.GetValue<string>();

        // Act
        var first = await DeliverAsync(id, key, RunApiFixture.Input(10), idempotencyKey: "delivery-1");
        var again = await DeliverAsync(id, key, RunApiFixture.Input(10), idempotencyKey: "delivery-1", query: "?wait=PT30S");
        var changed = await DeliverAsync(id, key, RunApiFixture.Input(11), idempotencyKey: "delivery-1");
        var other = await DeliverAsync(id, key, RunApiFixture.Input(10), idempotencyKey: "delivery-2");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstRun = (await first.ReadObjectAsync())["runId"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstRun, (await again.ReadObjectAsync())["id"]!.GetValue<Guid>());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(firstRun, (await other.ReadObjectAsync())["runId"]!.GetValue<Guid>());
        Assert.Equal(2, await RunCountAsync(id));
    }

    [Fact]
    public async Task Hook_Issue16_Wait_FinishedRun200WithMaskedOutputGateRun202WithLocation()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 sync", approveV2: false);
        var key = (await CreateKeyAsync(operatorClient, id, signed: false))["key"]!.GetValue<string>();

        // Act: 42.5 EUR is decided automatically; 6,000 EUR parks at the analyst gate.
        var finished = await DeliverAsync(id, key, RunApiFixture.Input(42.5), query: "?wait=PT30S");
        var gated = await DeliverAsync(id, key, RunApiFixture.Input(6000), query: "?wait=PT30S");

        // Assert
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var run = await finished.ReadObjectAsync();
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal("auto", run["endNode"]!.GetValue<string>());
        Assert.NotNull(run["output"]);
        Assert.StartsWith("API key ticketing (dsk_", run["startedBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, gated.StatusCode);
        var body = await gated.ReadObjectAsync();
        Assert.Equal("waitingForHuman", body["status"]!.GetValue<string>());
        Assert.Equal($"/api/runs/{body["runId"]}", gated.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Hook_Issue16_InputAgainstStartSchema_EveryProblemListedNothingStarted()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 bad input", approveV2: false);
        var key = (await CreateKeyAsync(operatorClient, id, signed: false))["key"]!.GetValue<string>();

        // Act
        var bad = await DeliverAsync(id, key, new JsonObject { ["amount"] = -5, ["currency"] = "EURO" }, idempotencyKey: "bad-1");
        var notObject = await DeliverRawAsync(id, key, "[1,2]", null, null);
        var badWait = await DeliverAsync(id, key, RunApiFixture.Input(10), query: "?wait=PT2M");
        var corrected = await DeliverAsync(id, key, RunApiFixture.Input(10), idempotencyKey: "bad-1");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.True(errors.Count >= 5, string.Join(" | ", errors));
        Assert.Contains(errors, e => e.Contains("category", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("description", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("amount", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWait.StatusCode);

        // The refused delivery did not keep its idempotency key: the corrected one starts the only run.
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        Assert.Equal(1, await RunCountAsync(id));
    }

    private static async Task<JsonObject> CreateKeyAsync(HttpClient client, Guid workflowId, bool signed)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/api-keys",
            ApiClientExtensions.Json(new JsonObject { ["name"] = "ticketing", ["signed"] = signed }.ToJsonString()));
        var json = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    private async Task<HttpResponseMessage> DeliverAsync(
        Guid workflowId, string? key, JsonObject input, string? idempotencyKey = null, string query = "", bool useApiKeyHeader = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{workflowId}{query}") { Content = ApiClientExtensions.Json(input.ToJsonString()) };
        if (key is not null && useApiKeyHeader)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        else if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> DeliverRawAsync(Guid workflowId, string key, string body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{workflowId}") { Content = ApiClientExtensions.Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (timestamp is not null)
        {
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        }

        return await SendAsync(request);
    }

    private static async Task<HttpResponseMessage> DeliverWithUserTokenAsync(HttpClient signedIn, Guid workflowId) =>
        await signedIn.PostAsync($"/hooks/{workflowId}", ApiClientExtensions.Json(RunApiFixture.Input(10).ToJsonString()));

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private async Task<long> RunCountAsync(Guid workflowId) =>
        (await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/runs?workflowId={workflowId}&pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
