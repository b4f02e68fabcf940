using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Recovery;
using Designer.Runtime.Runs;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Rollouts;
using Designer.Web.Tests.Runs;
using Designer.Web.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Web.Tests.Triggers;

/// <summary>
/// Issue 16 item 1b: schedule triggers — design-time validation as ProblemDetails, the API by role with audit, and the
/// worker on a fake clock: one run per occurrence with two workers on one database, and the missed-occurrence
/// policies. Test crons fire only on 29 February (next in 2028), so the app's own worker, on the real clock, never
/// fires them while the tests' workers do.
/// </summary>
public abstract class Issue16ScheduleTests(Issue13RolloutFixture fixture)
{
    private static readonly DateTimeOffset LeapDay = new(2028, 2, 29, 0, 0, 0, TimeSpan.Zero);

    protected abstract void EnsureProvider();

    [Fact]
    public async Task Create_Issue16Schedules_MalformedCronUnknownZoneBadInput_ProblemDetailsNamesEveryProblemNothingSaved()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 bad schedule", approveV2: false);
        var body = new JsonObject
        {
            ["name"] = "",
            ["cron"] = "61 * * * *",
            ["timeZone"] = "Mars/Olympus_Mons",
            ["input"] = new JsonObject { ["amount"] = -5 },
            ["enabled"] = "yes",
            ["missedPolicy"] = "sometimes",
        };

        // Act
        var bad = await operatorClient.PostAsync($"/api/workflows/{id}/schedules", ApiClientExtensions.Json(body.ToJsonString()));
        var fourFields = await CreateAsync(operatorClient, id, "0 2 * *", "UTC", expected: HttpStatusCode.BadRequest);
        var never = await CreateAsync(operatorClient, id, "0 0 30 2 *", "UTC", expected: HttpStatusCode.BadRequest);
        var windowsZone = await CreateAsync(operatorClient, id, "0 2 * * *", "W. Europe Standard Time", expected: HttpStatusCode.BadRequest);
        var unknownWorkflow = await operatorClient.PostAsync($"/api/workflows/{Guid.NewGuid()}/schedules",
            ApiClientExtensions.Json(ScheduleBody("0 2 * * *", "UTC").ToJsonString()));
        var listed = await (await operatorClient.GetAsync($"/api/workflows/{id}/schedules")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsArray();
        var fields = errors.Select(e => e!["field"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cron", "enabled", "input", "missedPolicy", "name", "timeZone"], fields);
        Assert.Contains(errors, e => e!["field"]!.GetValue<string>() == "input" && e["message"]!.GetValue<string>().Contains("amount", StringComparison.Ordinal));
        Assert.Contains("5 (minute", Message(fourFields), StringComparison.Ordinal);
        Assert.Contains("never occurs", Message(never), StringComparison.Ordinal);
        Assert.Contains("IANA", Message(windowsZone), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownWorkflow.StatusCode);
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task Schedules_Issue16_CreateListDisableDelete_ByRoleAuditedWithNextOccurrences()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var viewer = await fixture.ClientAsync("viewer");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 schedule api", approveV2: false);

        // Act
        var created = await CreateAsync(operatorClient, id, "0 9 * * 1-5", "Europe/Berlin");
        var scheduleId = created["id"]!.GetValue<Guid>();
        var listedByViewer = await (await viewer.GetAsync($"/api/workflows/{id}/schedules")).ReadObjectAsync();
        var viewerCreate = await viewer.PostAsync($"/api/workflows/{id}/schedules", ApiClientExtensions.Json(ScheduleBody("0 9 * * *", "UTC").ToJsonString()));
        var disabled = await operatorClient.PutAsync($"/api/workflows/{id}/schedules/{scheduleId}",
            ApiClientExtensions.Json(ScheduleBody("0 9 * * 1-5", "Europe/Berlin", enabled: false).ToJsonString()));
        var badUpdate = await operatorClient.PutAsync($"/api/workflows/{id}/schedules/{scheduleId}",
            ApiClientExtensions.Json(ScheduleBody("every day", "Europe/Berlin").ToJsonString()));
        var deleted = await operatorClient.DeleteAsync($"/api/workflows/{id}/schedules/{scheduleId}");
        var deletedAgain = await operatorClient.DeleteAsync($"/api/workflows/{id}/schedules/{scheduleId}");
        var audit = await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();

        // Assert
        var next = created["nextOccurrences"]!.AsArray().Select(n => n!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(3, next.Count);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.All(next, n => Assert.Equal(9, TimeZoneInfo.ConvertTime(n, berlin).Hour));
        Assert.All(next, n => Assert.InRange((int)TimeZoneInfo.ConvertTime(n, berlin).DayOfWeek, 1, 5));
        var item = Assert.Single(listedByViewer["items"]!.AsArray())!;
        Assert.Equal("skip", item["missedPolicy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, viewerCreate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Empty((await disabled.ReadObjectAsync())["nextOccurrences"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, badUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        var actions = audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Single(actions, a => a == ScheduleAuditActions.Created);
        Assert.Single(actions, a => a == ScheduleAuditActions.Updated);
        Assert.Single(actions, a => a == ScheduleAuditActions.Deleted);
    }

    [Fact]
    public async Task Create_Issue16Schedules_FixedInput_StoredEncryptedListedAsGiven()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 input at rest", approveV2: false);

        // Act
        var scheduleId = (await CreateAsync(operatorClient, id, "0 0 29 2 *", "UTC"))["id"]!.GetValue<Guid>();
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(Ct);
        var stored = (await db.WorkflowSchedules.AsNoTracking().SingleAsync(s => s.Id == scheduleId, Ct)).InputJson;
        var listed = Assert.Single((await (await operatorClient.GetAsync($"/api/workflows/{id}/schedules")).ReadObjectAsync())["items"]!.AsArray())!;

        // Assert
        Assert.DoesNotContain("Maple Books", stored, StringComparison.Ordinal);
        Assert.Equal("Maple Books", listed["input"]!["merchant"]!.GetValue<string>());
    }

    [Fact]
    public async Task Worker_Issue16Schedules_TwoWorkersSameOccurrence_ExactlyOneRunRecordedOnTheClaim()
    {
        // Arrange: two workers, each with its own store, stand for two hosts on one database.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 two workers", approveV2: false);
        var scheduleId = (await CreateAsync(operatorClient, id, "0 0 29 2 *", "UTC"))["id"]!.GetValue<Guid>();
        var clock = new FakeTimeProvider(LeapDay.AddSeconds(20));
        var first = Worker(clock);
        var second = Worker(clock);

        // Act
        await Task.WhenAll(Task.Run(() => first.TickAsync(Ct), Ct), Task.Run(() => second.TickAsync(Ct), Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(first.TickAsync(Ct), second.TickAsync(Ct));

        // Assert
        Assert.Equal(1, await RunCountAsync(id));
        var occurrence = Assert.Single(await Store().ListOccurrencesAsync(scheduleId, 10, Ct));
        Assert.Equal(LeapDay, occurrence.OccurrenceUtc);
        Assert.NotNull(occurrence.RunId);
        var run = await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/runs/{occurrence.RunId}")).ReadObjectAsync();
        Assert.Equal("Schedule Issue16 schedule", run["startedBy"]!.GetValue<string>());
        var listed = Assert.Single((await (await operatorClient.GetAsync($"/api/workflows/{id}/schedules")).ReadObjectAsync())["items"]!.AsArray())!;
        Assert.Equal(occurrence.RunId, listed["lastRunId"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("skip", 1, 1)]
    [InlineData("catchUp", 3, 1)]
    [InlineData("none", 0, 1)]
    public async Task Worker_Issue16Schedules_MissedOccurrences_FollowThePolicy(string policy, int afterOutage, int nextOnTime)
    {
        // Arrange: every 10 minutes on the leap day; the host comes back at 01:05, so 00:00 … 01:00 (7) were missed.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateTwoVersionsAsync("Issue16 missed " + policy, approveV2: false);
        await CreateAsync(operatorClient, id, "*/10 * 29 2 *", "UTC", missedPolicy: policy);
        var clock = new FakeTimeProvider(LeapDay.AddMinutes(65));
        var worker = Worker(clock, maxCatchUp: 3);

        // Act
        await worker.TickAsync(Ct);
        var afterFirstTick = await RunCountAsync(id);
        await worker.TickAsync(Ct);
        var afterRepeatedTick = await RunCountAsync(id);
        clock.SetUtcNow(LeapDay.AddMinutes(70).AddSeconds(20));
        await worker.TickAsync(Ct);
        var afterNextOccurrence = await RunCountAsync(id);

        // Assert
        Assert.Equal(afterOutage, afterFirstTick);
        Assert.Equal(afterOutage, afterRepeatedTick);
        Assert.Equal(afterOutage + nextOnTime, afterNextOccurrence);
    }

    [Fact]
    public async Task Worker_Issue16Schedules_InvalidStoredInputOrNoActiveVersion_ClaimRecordsWhyNoRun()
    {
        // Arrange: the draft (no active version yet) accepts the input; the occurrence finds no version to run.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var author = await fixture.ClientAsync("author");
        var id = await author.CreateWorkflowAsync("Issue16 no active " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        var scheduleId = (await CreateAsync(operatorClient, id, "0 0 29 2 *", "UTC"))["id"]!.GetValue<Guid>();
        var worker = Worker(new FakeTimeProvider(LeapDay.AddSeconds(5)));

        // Act
        await worker.TickAsync(Ct);

        var listed = await (await (await fixture.ClientAsync("viewer")).GetAsync($"/api/workflows/{id}/schedules/{scheduleId}/occurrences")).ReadObjectAsync();
        var otherWorkflow = await (await fixture.ClientAsync("viewer")).GetAsync($"/api/workflows/{Guid.NewGuid()}/schedules/{scheduleId}/occurrences");

        // Assert
        var occurrence = Assert.Single(await Store().ListOccurrencesAsync(scheduleId, 10, Ct));
        Assert.Null(occurrence.RunId);
        Assert.Contains("no active version", occurrence.Problem, StringComparison.Ordinal);
        var item = Assert.Single(listed["items"]!.AsArray())!;
        Assert.Equal(LeapDay, item["occurrenceUtc"]!.GetValue<DateTimeOffset>());
        Assert.Contains("no active version", item["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherWorkflow.StatusCode);
    }

    private ScheduleWorker Worker(TimeProvider clock, int maxCatchUp = 10)
    {
        var services = fixture.Factory.Services;
        return new ScheduleWorker(
            Store(), services.GetRequiredService<RunService>(), services.GetRequiredService<RunExecutionHost>(),
            services.GetRequiredService<IRunOwnership>(), clock,
            Microsoft.Extensions.Options.Options.Create(new ScheduleOptions { PollInterval = TimeSpan.FromMinutes(1), MaxCatchUp = maxCatchUp }),
            NullLogger<ScheduleWorker>.Instance);
    }

    private WorkflowScheduleStore Store() =>
        new(fixture.Factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>(), TimeProvider.System,
            fixture.Factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());

    private static JsonObject ScheduleBody(string cron, string timeZone, bool enabled = true, string missedPolicy = "skip") => new()
    {
        ["name"] = "Issue16 schedule",
        ["cron"] = cron,
        ["timeZone"] = timeZone,
        ["input"] = RunApiFixture.Input(10),
        ["enabled"] = enabled,
        ["missedPolicy"] = missedPolicy,
    };

    private static async Task<JsonObject> CreateAsync(
        HttpClient client, Guid workflowId, string cron, string timeZone, string missedPolicy = "skip", HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/schedules", ApiClientExtensions.Json(ScheduleBody(cron, timeZone, missedPolicy: missedPolicy).ToJsonString()));
        var json = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == expected, json.ToJsonString());
        return json;
    }

    private static string Message(JsonObject problem) => string.Join(" | ", problem["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> RunCountAsync(Guid workflowId) =>
        (await (await (await fixture.ClientAsync("approver")).GetAsync($"/api/runs?workflowId={workflowId}&pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
