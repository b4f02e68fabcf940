using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Hosting;
using Designer.Web.Tests.Infrastructure;
using Npgsql;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// A decision whose grain does not answer within <c>Designer:Cluster:GrainCallTimeout</c> (decisions queue on the
/// governance lock, one audit chain across hosts) was a 500 under a burst of 200 decisions on two hosts. It is a 503
/// that says the decision may still be recorded — and it is: nothing lost, nothing decided twice.
/// </summary>
public sealed class DecisionTimeoutTests
{
    // The key AuditChain locks on PostgreSQL ("DESIGNER"); holding it here is what a long queue of decisions does.
    private const long GovernanceLockKey = 0x4445_5349_474E_4552;

    [Fact]
    public async Task Decide_GrainAnswersAfterTimeout_Answers503AndTheDecisionIsStillRecordedOnce()
    {
        // Arrange
        var server = TestPostgres.RequireServer();
        var database = await TestPostgres.CreateDatabaseAsync(server);
        await using var factory = new DesignerWebFactory(database);
        factory.Settings["Designer:Cluster:GrainCallTimeout"] = "00:00:02";
        var author = await factory.ClientForAsync("author");
        var approver = await factory.ClientForAsync("approver");
        var workflowId = await author.CreateWorkflowAsync("Slow decision " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{workflowId}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{workflowId}/versions/1/approve")).StatusCode);
        var runId = await RunApiTests.StartAsync(await factory.ClientForAsync("operator"), workflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(approver, runId, "waitingForHuman");
        var taskId = (await RunApiTests.PendingTaskAsync(approver, runId))["id"]!.GetValue<Guid>();

        // Act: the governance lock is held past the grain call's timeout, then released.
        HttpResponseMessage response;
        await using (var holder = new NpgsqlConnection(database))
        {
            await holder.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({GovernanceLockKey})", holder))
            {
                await take.ExecuteNonQueryAsync();
            }

            response = await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "approve", comment = "slow" });
        }

        // Assert: not a 500; the caller is told the outcome is unknown, and the decision lands once.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("Decision not confirmed", problem["title"]!.GetValue<string>());
        Assert.Contains("may still be recorded", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(taskId, problem["taskId"]!.GetValue<Guid>());
        await RunApiTests.WaitForStatusAsync(approver, runId, "completed");
        var task = await (await approver.GetAsync($"/api/tasks/{taskId}")).ReadObjectAsync();
        Assert.Equal("decided", task["status"]!.GetValue<string>());
        Assert.Equal("slow", task["comment"]!.GetValue<string>());
        var trace = JsonNode.Parse(await approver.GetStringAsync($"/api/runs/{runId}/trace"))!.AsArray();
        Assert.Single(trace, e => e!["kind"]!.GetValue<string>() == "decision");
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:10:01")]
    public void ThrowIfInvalid_GrainCallTimeoutOutOfRange_NamesIt(string timeout)
    {
        // Arrange
        var options = new DesignerClusterOptions { GrainCallTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => ClusterValidation.ThrowIfInvalid(options, grainCallKey: null));

        // Assert
        Assert.Contains("GrainCallTimeout must be between 00:00:01 and 00:10:00.", error.Message, StringComparison.Ordinal);
    }
}
