using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Notifications;

/// <summary>
/// Issue 13 item 4: a rollout that a guard rolls back notifies the approver through the notification outbox — the
/// subscriber that wants <c>rollout.rolled_back</c> receives one signed event with ids, versions and the guard.
/// </summary>
public sealed class Issue13RollbackNotificationTests(Issue16NotificationFixture fixture) : IClassFixture<Issue16NotificationFixture>
{
    private static readonly Actor Author = new("author-13", "author-13@demo.local");
    private static readonly Actor Approver = new("approver-13", "approver-13@demo.local");
    private static readonly Actor Starter = new("operator-13", "operator-13@demo.local");

    [Fact]
    public async Task RollBack_Issue13_SubscriberGetsOneSignedEventWithGuardAndPeopleNoInput()
    {
        // Arrange: v1 and v2 approved by the approver; the operator rolls v2 out.
        var services = fixture.Api.Factory.Services;
        var workflows = services.GetRequiredService<IWorkflowStore>();
        var rollouts = services.GetRequiredService<IRolloutStore>();
        var created = await workflows.CreateWorkflowAsync("Issue13 rollback " + Guid.NewGuid().ToString("N")[..6], null, """{"nodes":[],"edges":[]}""", Author, CancellationToken.None);
        var id = created.Workflow.Id;
        for (var n = 1; n <= 2; n++)
        {
            var draft = (await workflows.GetDraftAsync(id, CancellationToken.None))!;
            Assert.True((await workflows.SubmitVersionAsync(id, draft.DefinitionJson, $"sha256:{n}", draft.ETag, Author, null, CancellationToken.None)).IsSuccess);
            Assert.True((await workflows.ApproveVersionAsync(id, n, Approver, null, CancellationToken.None)).IsSuccess);
        }

        var started = await rollouts.StartAsync(
            new NewRollout(id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, 0.3, null, null)), Starter, CancellationToken.None);
        Assert.True(started.IsSuccess, started.Error?.Detail);
        var rolloutId = started.Value.Id.ToString("D");

        // Act: the guard's rollback, as RolloutMonitor makes it.
        var rolledBack = await rollouts.RollBackAsync(
            started.Value.Id, new RolloutBreach("maxEscalationRate", 0.75, 0.3), "Guard maxEscalationRate breached: 75.0 % > 30.0 % over 8 candidate runs.",
            RolloutMonitor.GuardActor, CancellationToken.None);
        var received = await WaitForAsync(e => e.Path == "/rollouts" && RolloutIdOf(e) == rolloutId);

        // Assert
        Assert.True(rolledBack.IsSuccess, rolledBack.Error?.Detail);
        Assert.Single(fixture.Received, e => e.Path == "/rollouts" && RolloutIdOf(e) == rolloutId);
        Assert.DoesNotContain(fixture.Received, e => e.Path != "/rollouts" && RolloutIdOf(e) == rolloutId);
        Assert.Equal("rollout.rolled_back", received.Type);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Issue16NotificationFixture.RolloutsSecret), Encoding.UTF8.GetBytes(received.Timestamp + "." + received.Body));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), received.Signature);
        Assert.True(long.TryParse(received.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var body = JsonNode.Parse(received.Body)!.AsObject();
        Assert.Equal((received.EventId, "rollout.rolled_back"), (body["id"]!.GetValue<string>(), body["type"]!.GetValue<string>()));
        var rollout = body["rollout"]!;
        Assert.Equal((id.ToString("D"), 2, 1), (rollout["workflowId"]!.GetValue<string>(), rollout["candidateVersion"]!.GetValue<int>(), rollout["baselineVersion"]!.GetValue<int>()));
        Assert.Contains("maxEscalationRate", rollout["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("maxEscalationRate", 0.75, 0.3), (body["guard"]!["name"]!.GetValue<string>(), body["guard"]!["value"]!.GetValue<double>(), body["guard"]!["limit"]!.GetValue<double>()));
        Assert.Equal(
            new[] { ("approver", Approver.Id), ("starter", Starter.Id) },
            body["notify"]!.AsArray().Select(p => (p!["role"]!.GetValue<string>(), p["id"]!.GetValue<string>())));
        Assert.False(body.ContainsKey("run") || body.ContainsKey("input"), received.Body);
    }

    private static string? RolloutIdOf(Issue16NotificationFixture.ReceivedEvent received) =>
        JsonNode.Parse(received.Body)?["rollout"]?["id"]?.GetValue<string>();

    private async Task<Issue16NotificationFixture.ReceivedEvent> WaitForAsync(Func<Issue16NotificationFixture.ReceivedEvent, bool> match)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (fixture.Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, limit.Token);
        }
    }
}
