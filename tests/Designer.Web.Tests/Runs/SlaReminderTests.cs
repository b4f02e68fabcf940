using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Inference.Serving;
using Designer.Runtime.Compilation;
using Designer.Runtime.Expressions;
using Designer.Runtime.Retrieval;
using Designer.Runtime.Tracing;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// A gate's SLA is an Orleans reminder on the run grain that ticks every second here; the runtime clock is a fake, so
/// the task is due exactly when the test moves that clock past it (Orleans keeps its own real clock).
/// </summary>
public sealed class SlaReminderTests
{
    [Fact]
    public async Task PendingTask_RuntimeClockPassesDue_RunFollowsTimeoutPortAndTraceSaysSo()
    {
        // Arrange
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new DesignerWebFactory();
        await using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Designer:Runtime:SlaCheckInterval", "00:00:01");
            builder.ConfigureTestServices(services => services.AddSingleton(sp => new RuntimeServices
            {
                Sandbox = new ExpressionSandbox(),
                Trace = sp.GetRequiredService<ITraceSink>(),
                Time = clock,
                Inference = sp.GetService<IInferenceClient>(),
                VectorSearch = sp.GetService<IVectorSearch>(),
            }));
        });
        var (workflowId, operatorClient) = await PublishGateWorkflowAsync(app, slaMinutes: 1);
        var runId = await RunApiTests.StartAsync(operatorClient, workflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");
        var task = await RunApiTests.PendingTaskAsync(operatorClient, runId);

        // Act: a few real reminder ticks before the due time change nothing; then the runtime clock passes it.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var before = (await (await operatorClient.GetAsync($"/api/runs/{runId}")).ReadObjectAsync())["status"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromMinutes(2));
        var run = await RunApiTests.WaitForStatusAsync(operatorClient, runId, "completed");

        // Assert
        Assert.Equal("waitingForHuman", before);
        Assert.NotNull(task["due"]);
        Assert.Equal("timeout", run["output"]!["decision"]!.GetValue<string>());
        var decided = await (await operatorClient.GetAsync($"/api/tasks/{task["id"]}")).ReadObjectAsync();
        Assert.Equal("timeout", decided["decision"]!.GetValue<string>());
        var trace = JsonNode.Parse(await operatorClient.GetStringAsync($"/api/runs/{runId}/trace", TestContext.Current.CancellationToken))!.AsArray();
        var decision = Assert.Single(trace, e => e!["kind"]!.GetValue<string>() == TraceEventKinds.Decision)!;
        Assert.Equal("timeout", decision["event"]!["data"]!["decision"]!.GetValue<string>());
        var gate = Assert.Single(trace, e => e!["kind"]!.GetValue<string>() == TraceEventKinds.NodeCompleted && e["nodeId"]!.GetValue<string>() == "review")!;
        Assert.Equal("timeout", gate["event"]!["port"]!.GetValue<string>());
    }

    /// <summary>Publishes the gate workflow (with the SLA given) in an app built by WithWebHostBuilder; returns an operator client too.</summary>
    internal static async Task<(Guid WorkflowId, HttpClient Operator)> PublishGateWorkflowAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, int? slaMinutes)
    {
        var definition = RunApiFixture.GateWorkflow();
        definition.Nodes.Single(n => n.Id == "review").Config["slaMinutes"] = slaMinutes;
        var author = await ClientAsync(app, "author");
        var id = await author.CreateWorkflowAsync("Gate " + Guid.NewGuid().ToString("N")[..6], definition);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync(app, "approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        return (id, await ClientAsync(app, "operator"));
    }

    private static async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string role)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = DesignerWebFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadObjectAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
