using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.Data.Sqlite;

namespace Designer.Web.Tests.Evaluations;

/// <summary>
/// Issue 13: the app as a child process on a SQLite file is killed with SIGKILL while an evaluation job runs, then
/// restarted: the job must finish, every case must have exactly one result, and the results stored before the kill
/// must be the very same rows afterwards (a finished case is never run again).
/// </summary>
public sealed class Issue13EvaluationKillTests
{
    private const int Cases = 1500;
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Designer:Demo:SeedCorpus"] = "false",
        ["Designer:Evaluations:PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task KillHost_Issue13_MidEvaluationResumesWithoutRepeatingFinishedCases()
    {
        // Arrange
        var data = Path.Combine(Path.GetTempPath(), "designer-issue13-kill", Guid.NewGuid().ToString("N"));
        var app = await AppProcess.StartAsync(data, Settings);
        Guid evaluationId;
        Dictionary<int, long> beforeKill;
        try
        {
            var author = await app.ClientForAsync("author");
            var workflowId = await author.CreateWorkflowAsync("Issue13 kill " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
            Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{workflowId}/versions")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{workflowId}/versions/1/approve")).StatusCode);
            var cases = new JsonArray([.. Enumerable.Range(0, Cases).Select(i => (JsonNode?)Issue13Fixture.Case(i % 3 == 0 ? 6000 + i : 10 + i, i % 3 == 0 ? "analyst" : "auto"))]);
            var datasetId = await Issue13EvaluationApiTests.CreateDatasetAsync(author, workflowId, "issue13-kill", cases);
            var started = await author.PostAsync($"/api/workflows/{workflowId}/evaluations", ApiClientExtensions.Json(new JsonObject
            {
                ["candidate"] = new JsonObject { ["version"] = 1 },
                ["baseline"] = new JsonObject { ["version"] = 1 },
                ["datasetId"] = datasetId.ToString(),
            }.ToJsonString()));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            evaluationId = (await started.ReadObjectAsync())["id"]!.GetValue<Guid>();

            // Act 1: kill once some cases, but not all, are stored.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await (await author.GetAsync($"/api/evaluations/{evaluationId}?cases=false")).ReadObjectAsync())["progress"]!["done"]!.GetValue<int>() < 20)
            {
                Assert.True(DateTime.UtcNow < deadline, "the evaluation never got going");
                await Task.Delay(20);
            }

            await app.KillAsync();
            beforeKill = Read(Path.Combine(data, "designer.db"), evaluationId);

            // Act 2: restart; the worker resumes the job.
            app = await AppProcess.StartAsync(data, Settings);
            var viewer = await app.ClientForAsync("viewer");
            deadline = DateTime.UtcNow.AddSeconds(180);
            JsonObject evaluation;
            while ((evaluation = await (await viewer.GetAsync($"/api/evaluations/{evaluationId}?cases=false")).ReadObjectAsync())["status"]!.GetValue<string>() is "running" or "queued")
            {
                Assert.True(DateTime.UtcNow < deadline, "the evaluation did not finish after the restart");
                await Task.Delay(200);
            }

            // Assert
            Assert.Equal("succeeded", evaluation["status"]!.GetValue<string>());
            Assert.Equal(Cases, evaluation["progress"]!["done"]!.GetValue<int>());
            Assert.Equal(Cases, evaluation["metrics"]!["candidate"]!["cases"]!.GetValue<int>());
        }
        finally
        {
            await app.DisposeAsync();
        }

        var after = Read(Path.Combine(data, "designer.db"), evaluationId);
        Assert.InRange(beforeKill.Count, 1, Cases - 1); // the kill hit the job mid-way, or the test proved nothing
        Assert.Equal(Enumerable.Range(1, Cases), after.Keys.Order());
        Assert.All(beforeKill, r => Assert.Equal(r.Value, after[r.Key])); // same rows: not run again
        TestContext.Current.SendDiagnosticMessage($"killed with {beforeKill.Count} of {Cases} cases stored");
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Temp is cleaned by the OS.
        }
    }

    private static Dictionary<int, long> Read(string databaseFile, Guid evaluationId)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EvaluationId, CaseNumber, CompletedAt FROM EvaluationCases";
        var rows = new Dictionary<int, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Guid.Parse(reader.GetString(0)) == evaluationId)
            {
                rows.Add(reader.GetInt32(1), reader.GetInt64(2));
            }
        }

        return rows;
    }
}
