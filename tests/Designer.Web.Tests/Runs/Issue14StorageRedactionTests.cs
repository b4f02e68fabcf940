using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Hosting.Privacy;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 14 item 1 (storage): a run's sensitive values are vault tokens in every stored row (run, checkpoints, trace,
/// tasks, audit), the run survives a restart with the values (the engine reads them from the vault), and a
/// pii-reader's reveal comes from the vault with one audit entry.
/// </summary>
public abstract class Issue14StorageRedactionTests
{
    private const string Email = "jane.doe@example.com";
    private const string Phone = "+44 20 7946 0958";
    private const string Card = "4111 1111 1111 1111";
    private const string Iban = "DE89 3704 0044 0532 0130 00";
    private const long CardNumber = 4012888888881881;
    private const string Description = $"Charged twice on card {Card}; reach me at {Email} or {Phone}, refund to {Iban}.";

    private static readonly string[] ClearValues = [Email, Phone, Card, Iban, CardNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "+442079460958"];

    protected abstract Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync();

    [Fact]
    public async Task RunThroughGateAndRestart_Issue14Storage_NoClearValueStoredAndRunFinishes()
    {
        // Arrange: the first host starts a run with personal data and stops while it waits at the gate.
        var (first, createSecond) = await CreateFactoriesAsync();
        Guid runId;
        Guid taskId;
        IReadOnlyList<string> rowsAtGate;
        await using (first)
        {
            var workflowId = await PublishAsync(first);
            var operatorClient = await first.ClientForAsync("operator");
            var input = RunApiFixture.Input(9000);
            input["description"] = Description;
            input["actor"] = Email;
            input["cardNumber"] = CardNumber;
            runId = await RunApiTests.StartAsync(operatorClient, workflowId, input);
            await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");
            taskId = (await RunApiTests.PendingTaskAsync(operatorClient, runId))["id"]!.GetValue<Guid>();
            rowsAtGate = await RawRowsAsync(first);
        }

        await using var second = createSecond();
        var approver = await second.ClientForAsync("approver");

        // Act: the decision's comment carries the customer's e-mail again.
        var decision = await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "reject", comment = $"Called back on {Phone}, wrote to {Email}." });
        var run = await RunApiTests.WaitForStatusAsync(approver, runId, "completed");
        var rowsAtEnd = await RawRowsAsync(second);
        var reader = await PiiReaderClientAsync(second);
        var revealed = await reader.GetAsync($"/api/runs/{runId}/reveal?field=input.description", TestContext.Current.CancellationToken);
        var revealedNumber = await reader.GetAsync($"/api/runs/{runId}/reveal?field=input.cardNumber", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("reject", run["output"]!["decision"]!.GetValue<string>());
        Assert.NotEmpty(rowsAtGate);
        foreach (var row in rowsAtGate.Concat(rowsAtEnd))
        {
            foreach (var clear in ClearValues)
            {
                Assert.DoesNotContain(clear, row, StringComparison.Ordinal);
            }
        }

        Assert.Contains(rowsAtGate, row => row.Contains("«email:", StringComparison.Ordinal));
        Assert.Contains(rowsAtGate, row => row.Contains("«card:", StringComparison.Ordinal));
        Assert.Contains(rowsAtGate, row => row.Contains("«iban:", StringComparison.Ordinal));
        Assert.Contains(rowsAtGate, row => row.Contains("«phone:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(Description, (await revealed.ReadObjectAsync())["value"]!.GetValue<string>());
        Assert.Equal(CardNumber, (await revealedNumber.ReadObjectAsync())["value"]!.GetValue<long>());
        Assert.Equal(2, await CountAsync(second, "run.pii.revealed", runId));
    }

    [Fact]
    public void Redact_Issue14_CustomerFieldNamedActorIsMaskedOnlyRuntimeEventsKeepTheDecider()
    {
        // Arrange
        var customer = new JsonObject { ["actor"] = Email, ["nested"] = new JsonObject { ["actorId"] = Email } };
        var gateEvent = new JsonObject { ["actor"] = "ann@bank.example", ["fields"] = new JsonObject { ["actor"] = Email } };

        // Act
        var maskedCustomer = PiiRedactor.Redact(customer, new Dictionary<string, int>())!.ToJsonString();
        var maskedEvent = PiiRedactor.RedactRuntimeEvent(gateEvent, new Dictionary<string, int>())!;

        // Assert
        Assert.DoesNotContain(Email, maskedCustomer, StringComparison.Ordinal);
        Assert.Equal("ann@bank.example", maskedEvent["actor"]!.GetValue<string>());
        Assert.Equal("[email]", maskedEvent["fields"]!["actor"]!.GetValue<string>());
    }

    /// <summary>Every text column of the run tables and the audit log, read with plain SQL.</summary>
    private static async Task<IReadOnlyList<string>> RawRowsAsync(DesignerWebFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        const string sql = """
            SELECT "InputJson" AS "Value" FROM "Runs"
            UNION ALL SELECT COALESCE("OutputJson", '') FROM "Runs"
            UNION ALL SELECT COALESCE("Error", '') FROM "Runs"
            UNION ALL SELECT "Json" FROM "RunCheckpoints"
            UNION ALL SELECT "Json" FROM "TraceEvents"
            UNION ALL SELECT "Instructions" FROM "HumanTasks"
            UNION ALL SELECT "EvidenceJson" FROM "HumanTasks"
            UNION ALL SELECT COALESCE("Comment", '') FROM "HumanTasks"
            UNION ALL SELECT COALESCE("EditsJson", '') FROM "HumanTasks"
            UNION ALL SELECT COALESCE("Correction", '') FROM "HumanTasks"
            UNION ALL SELECT COALESCE("DataJson", '') FROM "AuditEntries"
            """;
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> CountAsync(DesignerWebFactory factory, string action, Guid runId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == runId.ToString("D"), TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> PublishAsync(DesignerWebFactory factory)
    {
        var definition = RunApiFixture.GateWorkflow();
        var author = await factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], definition);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        var approver = await factory.ClientForAsync("approver");
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        return id;
    }

    private static async Task<HttpClient> PiiReaderClientAsync(DesignerWebFactory factory)
    {
        var email = $"pii-{Guid.NewGuid():N}@example.test";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
            var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "PII reader" };
            Assert.True((await users.CreateAsync(user, DesignerWebFactory.Password)).Succeeded);
            await users.AddToRolesAsync(user, ["viewer", "pii-reader"]);
        }

        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>());
        return client;
    }
}
