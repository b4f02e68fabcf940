using System.Diagnostics;
using System.Globalization;
using System.Text;
using Designer.Persistence;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.RunsUi;

/// <summary>
/// Measures the runs list (what <c>/runs</c> and <c>GET /api/runs</c> run: filtered page + total count) at 100,000
/// runs against a same-run baseline of 1,000 runs, on SQLite and (when DESIGNER_TEST_POSTGRES is set) PostgreSQL.
/// Explicit: <c>Designer.Web.Tests -method Designer.Web.Tests.RunsUi.RunListMeasurement.Measure_RunListPage_100kAgainst1k -explicit only</c>.
/// </summary>
public sealed class RunListMeasurement
{
    private const int Iterations = 200;

    [Fact(Explicit = true)]
    public async Task Measure_RunListPage_100kAgainst1k()
    {
        var report = new StringBuilder();
        await MeasureProviderAsync("SQLite", null, report);
        if (Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 } server)
        {
            await MeasureProviderAsync("PostgreSQL", server, report);
        }

        var text = report.ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "run-list-measurement.md"), text);
        TestContext.Current.SendDiagnosticMessage(text);
        Console.WriteLine(text);
        Assert.NotEmpty(text);
    }

    private static async Task MeasureProviderAsync(string provider, string? postgres, StringBuilder report)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"### {provider}").AppendLine()
            .AppendLine("| Query | 1k p50 ms | 1k p95 ms | 100k p50 ms | 100k p95 ms | p95 ratio 100k/1k |")
            .AppendLine("|---|---|---|---|---|---|");
        var small = await MeasureAsync(1_000, postgres);
        var large = await MeasureAsync(100_000, postgres);
        foreach (var (name, (p50, p95)) in large)
        {
            var (b50, b95) = small[name];
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {b50:F2} | {b95:F2} | {p50:F2} | {p95:F2} | {p95 / b95:F2} |");
        }

        report.AppendLine();
    }

    private static async Task<Dictionary<string, (double P50, double P95)>> MeasureAsync(int runs, string? postgres)
    {
        await using var factory = new DesignerWebFactory(postgres is null ? null : await TestPostgres.CreateDatabaseAsync(postgres));
        var workflows = await SeedAsync(factory.Services, runs);
        var store = factory.Services.GetRequiredService<IRunStore>();
        using var client = await factory.ClientForAsync(DesignerRoles.Viewer);
        var now = DateTimeOffset.UtcNow;
        var weekAgo = Uri.EscapeDataString(now.AddDays(-7).ToString("O", CultureInfo.InvariantCulture));
        var queries = new (string Name, RunQuery Query, int Page, string Url)[]
        {
            ("page 1, no filter", new RunQuery(), 1, "/api/runs?page=1&pageSize=25"),
            ("workflow", new RunQuery(workflows[0]), 1, $"/api/runs?workflowId={workflows[0]}&pageSize=25"),
            ("workflow + version", new RunQuery(workflows[0], VersionNumber: 2), 1, $"/api/runs?workflowId={workflows[0]}&version=2&pageSize=25"),
            ("status waitingForHuman", new RunQuery(Status: RunStatus.WaitingForHuman), 1, "/api/runs?status=waitingForHuman&pageSize=25"),
            ("last 7 days", new RunQuery(StartedFrom: now.AddDays(-7)), 1, $"/api/runs?from={weekAgo}&pageSize=25"),
            ("page 40, no filter", new RunQuery(), 40, "/api/runs?page=40&pageSize=25"),
        };
        var results = new Dictionary<string, (double, double)>();
        foreach (var (name, query, page, url) in queries)
        {
            results["store: " + name] = await TimeAsync(() => store.ListRunsAsync(query, page, 25, CancellationToken.None));
            results["HTTP: " + name] = await TimeAsync(async () => (await client.GetAsync(url)).EnsureSuccessStatusCode());
        }

        return results;
    }

    private static async Task<(double P50, double P95)> TimeAsync<T>(Func<Task<T>> action)
    {
        for (var i = 0; i < 20; i++)
        {
            await action();
        }

        var samples = new List<double>(Iterations);
        for (var i = 0; i < Iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return (samples[(int)Math.Ceiling(0.5 * Iterations) - 1], samples[(int)Math.Ceiling(0.95 * Iterations) - 1]);
    }

    /// <summary>Runs spread over 5 workflows × 3 versions, 90 days and every status; returns the workflow ids.</summary>
    private static async Task<Guid[]> SeedAsync(IServiceProvider services, int count)
    {
        var random = new Random(42);
        var store = services.GetRequiredService<IWorkflowStore>();
        var workflows = new Guid[5];
        for (var w = 0; w < workflows.Length; w++)
        {
            var created = await store.CreateWorkflowAsync($"Measured {w}", null, WorkflowJson.Serialize(DemoWorkflows.DisputeTriage()), new Actor("author", "author@demo.local"), CancellationToken.None);
            workflows[w] = created.Workflow.Id;
        }

        var statuses = Enum.GetValues<RunStatus>();
        var now = DateTimeOffset.UtcNow;
        var contexts = services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        for (var done = 0; done < count; done += 10_000)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 10_000); i++)
            {
                var started = now.AddSeconds(-random.Next(0, 90 * 24 * 3600));
                var status = random.Next(100) < 80 ? RunStatus.Completed : statuses[random.Next(statuses.Length)];
                db.Runs.Add(new RunEntity
                {
                    Id = Guid.CreateVersion7(started),
                    WorkflowId = workflows[random.Next(workflows.Length)],
                    VersionNumber = random.Next(1, 4),
                    ContentHash = "seed",
                    Status = status,
                    InputJson = "{\"amount\":42.5,\"currency\":\"EUR\"}",
                    EndNode = status == RunStatus.Completed ? "auto" : null,
                    StartedById = "operator",
                    StartedByName = "operator@demo.local",
                    StartedAt = started,
                    EndedAt = status is RunStatus.Running or RunStatus.WaitingForHuman ? null : started.AddMilliseconds(random.Next(5, 5000)),
                    Cost = 0.0004m,
                    HumanDecided = random.Next(100) < 20,
                });
            }

            await db.SaveChangesAsync();
        }

        // Steady state: planner statistics and (PostgreSQL) the visibility map that index-only counts rely on,
        // as autovacuum and SQLite's ANALYZE would leave them after a bulk load.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "VACUUM ANALYZE \"Runs\"" : "ANALYZE");
        }

        return workflows;
    }
}
