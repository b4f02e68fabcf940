using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>A run waiting at a gate survives the process: a new app on the same database takes the decision.</summary>
public abstract class RunRestartTests
{
    protected abstract Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync();

    [Fact]
    public async Task Decide_AfterRestart_ResumesFromStoredCheckpointAndCompletes()
    {
        // Arrange: the first process starts the run and stops while it waits.
        var (first, createSecond) = await CreateFactoriesAsync();
        Guid runId;
        Guid taskId;
        await using (first)
        {
            var fixture = new StandaloneFixture(first);
            var workflowId = await fixture.PublishAsync(RunApiFixture.GateWorkflow());
            var operatorClient = await first.ClientForAsync("operator");
            runId = await RunApiTests.StartAsync(operatorClient, workflowId, RunApiFixture.Input(9000));
            await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");
            taskId = (await RunApiTests.PendingTaskAsync(operatorClient, runId))["id"]!.GetValue<Guid>();
        }

        await using var second = createSecond();
        var approver = await second.ClientForAsync("approver");

        // Act
        var decision = await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "reject", comment = "after restart" });
        var run = await RunApiTests.WaitForStatusAsync(approver, runId, "completed");

        // Assert
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("reject", run["output"]!["decision"]!.GetValue<string>());
        Assert.Equal("analyst", run["endNode"]!.GetValue<string>());
    }

    /// <summary>Publishes through a factory that is not a class fixture.</summary>
    private sealed class StandaloneFixture(DesignerWebFactory factory)
    {
        public async Task<Guid> PublishAsync(WorkflowDefinition definition)
        {
            var author = await factory.ClientForAsync("author");
            var id = await author.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], definition);
            Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
            var approver = await factory.ClientForAsync("approver");
            Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
            return id;
        }
    }
}
