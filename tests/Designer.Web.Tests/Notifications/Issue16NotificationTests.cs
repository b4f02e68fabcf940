using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Notifications;

/// <summary>
/// Issue 16 item 3: run events reach configured subscribers signed (HMAC-SHA256 of <c>timestamp.body</c>) with a
/// stable event id and no run payloads; a failing receiver is retried, then dead-lettered, and an admin's retry delivers.
/// </summary>
public sealed class Issue16NotificationTests(Issue16NotificationFixture fixture) : IClassFixture<Issue16NotificationFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CompletedRun_Issue16_DeliversOneSignedEventWithoutPayloads()
    {
        // Arrange
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.Api.GateWorkflowId, RunApiFixture.Input(42.5));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "completed");

        // Act
        var received = await WaitForAsync(e => e.Path == "/ops" && e.Type == "run.completed" && RunIdOf(e) == runId);

        // Assert
        Assert.Single(fixture.Received, e => e.Path == "/ops" && e.Type == "run.completed" && RunIdOf(e) == runId);
        AssertSigned(received, Issue16NotificationFixture.OpsSecret);
        var body = JsonNode.Parse(received.Body)!.AsObject();
        Assert.Equal(received.EventId, body["id"]!.GetValue<string>());
        Assert.Equal("run.completed", body["type"]!.GetValue<string>());
        var run = body["run"]!.AsObject();
        Assert.Equal((fixture.Api.GateWorkflowId.ToString("D"), 1, "completed"), (run["workflowId"]!.GetValue<string>(), run["version"]!.GetValue<int>(), run["status"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(run["endNode"]?.GetValue<string>()));
        Assert.DoesNotContain("Maple Books", received.Body, StringComparison.Ordinal);
        Assert.False(run.ContainsKey("input") || run.ContainsKey("output"), received.Body);
    }

    [Fact]
    public async Task WaitingRun_Issue16_DeliversRunWaitingEvent()
    {
        // Arrange
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.Api.GateWorkflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");

        // Act
        var received = await WaitForAsync(e => e.Path == "/ops" && e.Type == "run.waiting" && RunIdOf(e) == runId);

        // Assert
        AssertSigned(received, Issue16NotificationFixture.OpsSecret);
        Assert.Equal("waitingForHuman", JsonNode.Parse(received.Body)!["run"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.Received, e => e.Path == "/flaky" && RunIdOf(e) == runId);
    }

    [Fact]
    public async Task CancelledRun_Issue16_ReceiverFails_RetriedDeadLetteredThenAdminRetryDelivers()
    {
        // Arrange: the flaky subscriber answers 500 to the cancellation (3 attempts allowed).
        var ct = TestContext.Current.CancellationToken;
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var admin = await fixture.Api.ClientAsync("admin");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.Api.GateWorkflowId, RunApiFixture.Input(6100));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostJsonAsync($"/api/runs/{runId}/cancel")).StatusCode);

        // Act: wait for the dead letter, bring the receiver up, retry it as an admin.
        var letter = await WaitForDeadLetterAsync(admin, runId, ct);
        var failures = fixture.Received.Where(e => e.Path == "/flaky" && RunIdOf(e) == runId).ToList();
        fixture.FlakyDown = false;
        var byOperator = await operatorClient.PostJsonAsync($"/api/notifications/dead-letters/{letter["id"]}/retry");
        var retried = await admin.PostJsonAsync($"/api/notifications/dead-letters/{letter["id"]}/retry");
        var delivered = await WaitForAsync(e => e.Path == "/flaky" && e.Status == 204 && RunIdOf(e) == runId);
        var again = await admin.PostJsonAsync($"/api/notifications/dead-letters/{letter["id"]}/retry");

        // Assert
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Equal((500, "run.cancelled", letter["eventId"]!.GetValue<string>()), (f.Status, f.Type, f.EventId)));
        Assert.Equal(3, letter["attempts"]!.GetValue<int>());
        Assert.StartsWith("HTTP 500", letter["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(letter["eventId"]!.GetValue<string>(), delivered.EventId);
        AssertSigned(delivered, Issue16NotificationFixture.FlakySecret);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var audit = await (await admin.GetAsync($"/api/audit?entityId={letter["id"]}", ct)).ReadObjectAsync();
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "notification.retried");
    }

    private static void AssertSigned(Issue16NotificationFixture.ReceivedEvent received, string secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(received.Timestamp + "." + received.Body));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), received.Signature);
        var sent = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp, CultureInfo.InvariantCulture));
        Assert.True((DateTimeOffset.UtcNow - sent).Duration() < TimeSpan.FromMinutes(5), received.Timestamp);
    }

    private static Guid? RunIdOf(Issue16NotificationFixture.ReceivedEvent received) =>
        Guid.TryParse(JsonNode.Parse(received.Body)?["run"]?["id"]?.GetValue<string>(), out var id) ? id : null;

    private async Task<Issue16NotificationFixture.ReceivedEvent> WaitForAsync(Func<Issue16NotificationFixture.ReceivedEvent, bool> match)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            if (fixture.Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    private static async Task<JsonObject> WaitForDeadLetterAsync(HttpClient admin, Guid runId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(WaitLimit);
        while (true)
        {
            var page = await (await admin.GetAsync("/api/notifications/dead-letters?pageSize=200", limit.Token)).ReadObjectAsync();
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["runId"]!.GetValue<string>() == runId.ToString("D")) is JsonObject letter)
            {
                return letter;
            }

            await Task.Delay(50, limit.Token);
        }
    }
}
