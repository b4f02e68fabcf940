using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>Execution writes fail: the run is never reported done, and it resumes once storage answers again.</summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task Run_StorageRefusesWrites_EndsInterruptedThenResumesAndCompletesWhenStorageReturns()
    {
        // Arrange
        FaultyRunStore? faulty = null;
        await using var factory = new DesignerWebFactory();
        await using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Designer:Runtime:RecoverySweepInterval", "00:00:01");
            builder.ConfigureTestServices(services => services.AddSingleton<IRunStore>(sp =>
                faulty = new FaultyRunStore(ActivatorUtilities.CreateInstance<RunStore>(sp))));
        });
        var (workflowId, operatorClient) = await SlaReminderTests.PublishGateWorkflowAsync(app, slaMinutes: null);
        faulty!.FailWrites = true;

        // Act: a low-risk run (no gate) executes while every checkpoint and trace write fails.
        var runId = await RunApiTests.StartAsync(operatorClient, workflowId, RunApiFixture.Input(42.5));
        var interrupted = await RunApiTests.WaitForStatusAsync(operatorClient, runId, "interrupted");
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var stillInterrupted = await StatusAsync(operatorClient, runId);
        faulty.FailWrites = false;
        var completed = await WaitForCompletedAsync(operatorClient, runId);

        // Assert
        Assert.Contains("storage write failed", interrupted["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(interrupted["output"]);
        // While storage refuses, each 1 s sweep may retry it (Running for a moment), but it never completes.
        Assert.Contains(stillInterrupted, (string[])["interrupted", "running"]);
        Assert.Equal("auto", completed["endNode"]!.GetValue<string>());
        var trace = JsonNode.Parse(await operatorClient.GetStringAsync($"/api/runs/{runId}/trace", TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["start", "policy", "auto"], trace.Where(e => e!["kind"]!.GetValue<string>() == "node.completed").Select(e => e!["nodeId"]!.GetValue<string>()));
    }

    private static async Task<string> StatusAsync(HttpClient client, Guid runId) =>
        (await (await client.GetAsync($"/api/runs/{runId}")).ReadObjectAsync())["status"]!.GetValue<string>();

    private static async Task<JsonObject> WaitForCompletedAsync(HttpClient client, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await (await client.GetAsync($"/api/runs/{runId}")).ReadObjectAsync();
            var status = run["status"]!.GetValue<string>();
            if (status == "completed")
            {
                return run;
            }

            Assert.True(status is "interrupted" or "running" && DateTime.UtcNow < deadline, $"run is {status} ({run["error"]})");
            await Task.Delay(100);
        }
    }
}
