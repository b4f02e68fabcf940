using System.Globalization;
using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Two app processes form one Orleans cluster through Redis membership and share a PostgreSQL database; the host
/// that started a waiting run is killed with SIGKILL and the other completes it.
/// </summary>
public sealed class RedisClusterTests
{
    private static readonly string GrainCallKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task KillHost_WaitingRunOfThatHost_CompletesOnTheOtherHost()
    {
        // Arrange
        var redis = TestRedis.RequireServer();
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        var cluster = "redis-" + Guid.NewGuid().ToString("N");
        Dictionary<string, string> Settings() => new()
        {
            ["Designer:Storage:Provider"] = "PostgreSQL",
            ["Designer:Storage:ConnectionString"] = database,
            ["Designer:Cluster:Membership"] = "Redis",
            ["Designer:Cluster:RedisConnectionString"] = redis,
            ["Designer:Cluster:ClusterId"] = cluster,
            ["Designer:Cluster:ServiceId"] = cluster,
            // Required with Redis membership (issue 14): both hosts sign and check grain commands with it.
            ["Designer:Runtime:GrainCallKey"] = GrainCallKey,
        };
        var data = Path.Combine(Path.GetTempPath(), "designer-redis", Guid.NewGuid().ToString("N"));
        await using var doomed = await AppProcess.StartAsync(Path.Combine(data, "a"), Settings());
        await using var survivor = await AppProcess.StartAsync(Path.Combine(data, "b"), Settings());
        await using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis))
        {
            // One membership table in Redis lists both silos: the hosts formed one cluster.
            var members = await connection.GetDatabase().HashKeysAsync($"{cluster}/members/{cluster}");
            Assert.Equal(2, members.Count(m => m.ToString().StartsWith('S')));
        }

        var author = await doomed.ClientForAsync("author");
        var workflowId = await author.CreateWorkflowAsync("Redis " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{workflowId}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await doomed.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{workflowId}/versions/1/approve")).StatusCode);
        var doomedApprover = await doomed.ClientForAsync("approver");
        var runId = await RunApiTests.StartAsync(await doomed.ClientForAsync("operator"), workflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(doomedApprover, runId, "waitingForHuman");
        var taskId = (await RunApiTests.PendingTaskAsync(doomedApprover, runId))["id"]!.GetValue<Guid>();
        // Activate the run's grain on the doomed host, so the kill takes the activation with it.
        Assert.Equal(HttpStatusCode.BadRequest, (await doomedApprover.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "maybe" })).StatusCode);
        var approver = await survivor.ClientForAsync("approver");

        // Act: SIGKILL; the decision is retried only while the cluster has not yet declared the dead silo dead.
        await doomed.KillAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        HttpResponseMessage decision;
        do
        {
            decision = await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "approve", comment = "survivor" });
        }
        while (decision.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Pause());

        var run = await RunApiTests.WaitForStatusAsync(approver, runId, "completed");

        // Assert
        var body = await decision.Content.ReadAsStringAsync();
        Assert.True(decision.StatusCode == HttpStatusCode.OK, string.Create(CultureInfo.InvariantCulture, $"decision answered {decision.StatusCode}: {body}"));
        Assert.Equal("analyst", run["endNode"]!.GetValue<string>());
        Assert.Equal("approve", run["output"]!["decision"]!.GetValue<string>());
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(500);
        return true;
    }
}
