using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Recovery;
using Designer.Runtime.Runs;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Designer.Web.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Web.Tests.Triggers;

/// <summary>
/// Issue 16 done-when: "a schedule fires once per occurrence with two silos" — two app instances (each its own silo,
/// run service and schedule worker) on one PostgreSQL database tick at the same moments on a fake clock.
/// </summary>
public sealed class Issue16ScheduleTwoHostTests
{
    private static readonly DateTimeOffset LeapDay = new(2028, 2, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Worker_Issue16Schedules_TwoSilosTickTogether_EachOccurrenceStartsExactlyOneRun()
    {
        // Arrange: every minute of the leap day (the hosts' own workers, on the real clock, never reach it).
        const int occurrences = 5;
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        await using var first = Host(database);
        var workflowId = await PublishAsync(first);
        await using var second = Host(database, first.DataDirectory);
        var body = new JsonObject
        {
            ["name"] = "every minute",
            ["cron"] = "* * 29 2 *",
            ["timeZone"] = "UTC",
            ["input"] = RunApiFixture.Input(10),
        };
        var created = await (await first.ClientForAsync("operator")).PostAsync($"/api/workflows/{workflowId}/schedules", ApiClientExtensions.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheduleId = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var clock = new FakeTimeProvider(LeapDay.AddSeconds(10));
        ScheduleWorker[] workers = [Worker(first, clock), Worker(second, clock)];

        // Act: both silos tick at each occurrence (twice, as a delayed timer would).
        for (var minute = 0; minute < occurrences; minute++)
        {
            clock.SetUtcNow(LeapDay.AddMinutes(minute).AddSeconds(10));
            await Task.WhenAll(workers.Concat(workers).Select(w => Task.Run(() => w.TickAsync(Ct), Ct)));
        }

        // Assert
        var claims = await first.Services.GetRequiredService<IWorkflowScheduleStore>().ListOccurrencesAsync(scheduleId, 100, Ct);
        Assert.Equal(Enumerable.Range(0, occurrences).Select(m => LeapDay.AddMinutes(m)).Reverse(), claims.Select(c => c.OccurrenceUtc));
        Assert.All(claims, c => Assert.NotNull(c.RunId));
        Assert.Equal(occurrences, claims.Select(c => c.RunId).Distinct().Count());
        var approver = await second.ClientForAsync("approver");
        Assert.Equal(occurrences, (await (await approver.GetAsync($"/api/runs?workflowId={workflowId}&pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>());
        foreach (var claim in claims)
        {
            await RunApiTests.WaitForStatusAsync(approver, claim.RunId!.Value, "completed");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ScheduleWorker Worker(DesignerWebFactory host, TimeProvider clock)
    {
        var services = host.Services;
        return new ScheduleWorker(
            services.GetRequiredService<IWorkflowScheduleStore>(), services.GetRequiredService<RunService>(), services.GetRequiredService<RunExecutionHost>(),
            services.GetRequiredService<IRunOwnership>(), clock,
            Microsoft.Extensions.Options.Options.Create(new ScheduleOptions { PollInterval = TimeSpan.FromSeconds(30) }),
            NullLogger<ScheduleWorker>.Instance);
    }

    // As in TwoHostTests: each factory is its own one-silo cluster, so the periodic recovery sweep stays out of the way.
    private static DesignerWebFactory Host(string database, string? dataDirectory = null)
    {
        var factory = new DesignerWebFactory(database, dataDirectory);
        factory.Settings["Designer:Runtime:RecoverySweepInterval"] = "01:00:00";
        return factory;
    }

    private static async Task<Guid> PublishAsync(DesignerWebFactory factory)
    {
        var author = await factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Issue16 two silos " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        return id;
    }
}
