using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>Issue 14 item 1 (API part): run and task responses mask personal data; a pii-reader reveals one field, audited.</summary>
public sealed class Issue14RunRedactionTests(SqliteRunApiFixture fixture) : IClassFixture<SqliteRunApiFixture>
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";

    [Fact]
    public async Task GetRunAndTask_Issue14_CustomerPii_MaskedForEveryReader()
    {
        // Arrange
        var (runId, viewer) = await StartPiiRunAsync();

        // Act
        var run = await viewer.GetStringAsync($"/api/runs/{runId}", TestContext.Current.CancellationToken);
        var list = await viewer.GetStringAsync($"/api/runs?workflowId={fixture.GateWorkflowId}&pageSize=200", TestContext.Current.CancellationToken);
        var task = await RunApiTests.PendingTaskAsync(await fixture.ClientAsync("approver"), runId);

        // Assert
        foreach (var text in new[] { run, list, task.ToJsonString() })
        {
            Assert.DoesNotContain(Email, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Card, text, StringComparison.Ordinal);
        }

        Assert.Contains("[email]", run, StringComparison.Ordinal);
        Assert.Contains("[card]", run, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_Issue14_PiiReader_GetsTheFieldAndTheRevealIsAudited()
    {
        // Arrange
        var (runId, viewer) = await StartPiiRunAsync();
        var reader = await PiiReaderClientAsync();
        var auditor = await fixture.ClientAsync("approver");

        // Act
        var refused = await viewer.GetAsync($"/api/runs/{runId}/reveal?field=input.description", TestContext.Current.CancellationToken);
        var revealed = await reader.GetAsync($"/api/runs/{runId}/reveal?field=input.description", TestContext.Current.CancellationToken);
        var audit = await auditor.GetStringAsync($"/api/audit?pageSize=200&entityId={runId}", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains(Email, (await revealed.ReadObjectAsync())["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("run.pii.revealed", audit, StringComparison.Ordinal);
        Assert.Contains("input.description", audit, StringComparison.Ordinal);
    }

    private async Task<(Guid RunId, HttpClient Viewer)> StartPiiRunAsync()
    {
        var operatorClient = await fixture.ClientAsync("operator");
        var input = RunApiFixture.Input(6000);
        input["description"] = $"Charged twice on card {Card}; reach me at {Email}.";
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.GateWorkflowId, input);
        var viewer = await fixture.ClientAsync("viewer");
        await RunApiTests.WaitForStatusAsync(viewer, runId, "waitingForHuman");
        return (runId, viewer);
    }

    private async Task<HttpClient> PiiReaderClientAsync()
    {
        var email = $"pii-{Guid.NewGuid():N}@example.test";
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
            var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "PII reader" };
            Assert.True((await users.CreateAsync(user, DesignerWebFactory.Password)).Succeeded);
            await users.AddToRolesAsync(user, ["viewer", "pii-reader"]);
        }

        var client = fixture.Factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>());
        return client;
    }
}
