using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 15 item 1: the app as a child process, killed with SIGKILL while runs execute with their trace rows buffered
/// for one write per run; after a restart every run completes and its trace holds every row exactly once.
/// </summary>
public sealed class Issue15BatchedWriteSigkillTests
{
    private const int RunsPerRound = 30;
    private const int MaxRounds = 5;
    private const int MaxConcurrentRuns = 2;
    private static readonly Dictionary<string, string> Settings = new() { ["Designer:Runtime:MaxConcurrentRuns"] = MaxConcurrentRuns.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    private static readonly string[] NodePath = ["start", "policy", "auto"];

    [Fact]
    public async Task KillHost_Issue15_DuringBatchedWrites_RunsRecoverWithEveryTraceRowOnce()
    {
        // Arrange
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var data = Path.Combine(Path.GetTempPath(), "designer-sigkill15", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(data, "designer.db");
        var app = await AppProcess.StartAsync(data, Settings);
        var accepted = new List<Guid>();
        var busyKills = 0;
        try
        {
            var workflowId = await PublishAsync(app);

            // Act: start a round of low-risk runs (start -> policy -> auto, all replayable: no checkpoint, one
            // transaction at the end), kill the host while they execute, restart; until a kill found the host busy.
            for (var round = 0; round < MaxRounds && busyKills == 0; round++)
            {
                var operatorClient = await app.ClientForAsync("operator");
                var posts = Enumerable.Range(0, RunsPerRound).Select(async _ =>
                {
                    var response = await operatorClient.PostAsync(
                        $"/api/workflows/{workflowId}/runs",
                        ApiClientExtensions.Json(new JsonObject { ["input"] = RunApiFixture.Input(42.5) }.ToJsonString()));
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    return (await response.ReadObjectAsync())["runId"]!.GetValue<Guid>();
                });
                accepted.AddRange(await Task.WhenAll(posts));
                await Task.Delay(random.Next(0, 150));
                await app.KillAsync();

                // More unfinished runs than execution slots: the queue was not empty, so the host was executing runs.
                if (Unfinished(database) > MaxConcurrentRuns)
                {
                    busyKills++;
                }

                app = await AppProcess.StartAsync(data, Settings);
            }

            var viewer = await app.ClientForAsync("viewer");
            await WaitAllCompletedAsync(viewer, accepted.Count, seed);
        }
        finally
        {
            await app.DisposeAsync();
        }

        // Assert
        Assert.True(busyKills > 0, $"no kill hit the host while it executed runs (seed {seed})");
        var stored = ReadTraces(database);
        Assert.Equal(accepted.Count, stored.Count);
        foreach (var runId in accepted)
        {
            var rows = stored[runId];
            Assert.True(rows.Select(r => r.Sequence).SequenceEqual(Enumerable.Range(1, rows.Count).Select(i => (long)i)), $"run {runId}: sequences {string.Join(",", rows.Select(r => r.Sequence))} (seed {seed})");
            Assert.True(NodePath.SequenceEqual(rows.Where(r => r.Kind == "node.invoked").Select(r => r.NodeId)), $"run {runId}: invoked {string.Join(",", rows.Where(r => r.Kind == "node.invoked").Select(r => r.NodeId))} (seed {seed})");
            Assert.True(NodePath.SequenceEqual(rows.Where(r => r.Kind == "node.completed").Select(r => r.NodeId)), $"run {runId}: completed {string.Join(",", rows.Where(r => r.Kind == "node.completed").Select(r => r.NodeId))} (seed {seed})");
        }

        TestContext.Current.SendDiagnosticMessage($"seed {seed}: {accepted.Count} runs, {busyKills} kill(s) while busy");
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Temp is cleaned by the OS.
        }
    }

    private static async Task<Guid> PublishAsync(AppProcess app)
    {
        var author = await app.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Sigkill15 " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        return id;
    }

    private static async Task WaitAllCompletedAsync(HttpClient viewer, int count, int seed)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await (await viewer.GetAsync("/api/runs?pageSize=1&status=completed")).ReadObjectAsync())["total"]!.GetValue<long>() != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"not all {count} runs completed (seed {seed})");
            await Task.Delay(100);
        }
    }

    private static long Unfinished(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Runs WHERE Status = 'Running'";
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<Guid, List<Row>> ReadTraces(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var traces = new Dictionary<Guid, List<Row>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Runs";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                traces[Guid.Parse(reader.GetString(0))] = [];
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT RunId, Sequence, Kind, NodeId FROM TraceEvents ORDER BY RunId, Sequence";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                traces[Guid.Parse(reader.GetString(0))].Add(new Row(reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        return traces;
    }

    private sealed record Row(long Sequence, string Kind, string? NodeId);
}
