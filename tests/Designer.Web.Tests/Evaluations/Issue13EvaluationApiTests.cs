using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13 through the API on each provider: datasets, shadow evaluations, the budget gate on approval.</summary>
public abstract class Issue13EvaluationApiTests(Issue13Fixture fixture)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    protected abstract void EnsureProvider();

    [Fact]
    public async Task ApproveWithRequiredEvaluation_Issue13_RefusedUntilPassingThenNewlyFailingCriticalRefusesV2()
    {
        // Arrange: v1 submitted, a dataset of 6 labelled cases, a budget.
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateSubmittedAsync("Issue13 gate");
        var cases = new JsonArray(
            Issue13Fixture.Case(42.5, "auto"),
            Issue13Fixture.Case(100, "auto"),
            Issue13Fixture.Case(300, "auto"),
            Issue13Fixture.Case(6000, "analyst", "quality", "critical"),
            Issue13Fixture.Case(7000, "analyst", "quality", "critical"),
            Issue13Fixture.Case(50, "analyst", "fraud"));
        var datasetId = await CreateDatasetAsync(author, id, "issue13-gate", cases);
        var budget = await approver.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{id}/budget")
        {
            Content = ApiClientExtensions.Json("""{"maxWrongAutomaticRate":0.01,"minAutomationRate":0.3,"noNewlyFailingCritical":true}"""),
        });
        Assert.Equal(HttpStatusCode.OK, budget.StatusCode);

        // Act 1: approval without an evaluation is refused and audited.
        var refused = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        var refusal = await refused.ReadObjectAsync();

        // Assert 1
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no finished evaluation", refusal["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var audit = await (await approver.GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "version.approval-refused");

        // Act 2: evaluate v1 (no baseline), then approve.
        var first = await EvaluateAsync(author, id, new JsonObject { ["version"] = 1 }, null, datasetId);
        var approved = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");

        // Assert 2: 3 of 6 automated, none wrong; the gate passed; no inbox task and no production run was created.
        var candidate = first["metrics"]!["candidate"]!;
        Assert.Equal(6, candidate["cases"]!.GetValue<int>());
        Assert.Equal(3, candidate["automated"]!.GetValue<int>());
        Assert.Equal(3, candidate["escalated"]!.GetValue<int>());
        Assert.Equal(0, candidate["wrongAutomatic"]!.GetValue<int>());
        Assert.Equal(0.0, candidate["wrongAutomaticLow"]!.GetValue<double>());
        Assert.InRange(candidate["wrongAutomaticHigh"]!.GetValue<double>(), 0.56, 0.57); // Wilson upper bound of 0/3
        Assert.True(first["budget"]!["passed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var escalated = first["cases"]!.AsArray().Single(c => c!["number"]!.GetValue<int>() == 4)!["candidate"]!;
        Assert.Equal("escalated", escalated["outcome"]!.GetValue<string>());
        Assert.Equal("approver", escalated["escalatedTo"]!.GetValue<string>());
        Assert.True(escalated["matched"]!.GetValue<bool>());
        var runs = await (await approver.GetAsync($"/api/runs?workflowId={id}")).ReadObjectAsync();
        Assert.Equal(0, runs["total"]!.GetValue<long>());

        // Act 3: v2 drops the high-amount rule; evaluate it against v1 and try to approve it.
        var (draft, etag) = await author.GetDraftAsync(id);
        var definition = draft["definition"]!.AsObject();
        var policy = definition["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "policy")!;
        var rules = policy["config"]!["rules"]!.AsArray();
        rules.Remove(rules.Single(r => r!["id"]!.GetValue<string>() == "high-amount"));
        Assert.Equal(HttpStatusCode.OK, (await author.PutDraftAsync(id, definition.ToJsonString(), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        var second = await EvaluateAsync(author, id, new JsonObject { ["version"] = 2 }, new JsonObject { ["version"] = 1 }, datasetId);
        var refusedV2 = await approver.PostJsonAsync($"/api/workflows/{id}/versions/2/approve");
        var flipped = await (await approver.GetAsync($"/api/evaluations/{second["id"]}?flippedOnly=true")).ReadObjectAsync();

        // Assert 3: two critical cases flip to auto-resolve, wrong, newly failing; approval refused saying so.
        Assert.Equal(2, second["flipped"]!.GetValue<int>());
        Assert.Equal([4, 5], second["newlyFailing"]!.AsArray().Select(c => c!["number"]!.GetValue<int>()));
        Assert.All(second["newlyFailing"]!.AsArray(), c => Assert.True(c!["critical"]!.GetValue<bool>()));
        Assert.Equal(2, second["metrics"]!["candidate"]!["wrongAutomatic"]!.GetValue<int>());
        Assert.Equal(0, second["metrics"]!["baseline"]!["wrongAutomatic"]!.GetValue<int>());
        Assert.False(second["budget"]!["passed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, refusedV2.StatusCode);
        var reasons = (await refusedV2.ReadObjectAsync())["detail"]!.GetValue<string>();
        Assert.Contains("critical", reasons, StringComparison.Ordinal);
        Assert.Contains("Wrong automatic decisions", reasons, StringComparison.Ordinal);
        var flippedCases = flipped["cases"]!.AsArray();
        Assert.Equal([4, 5], flippedCases.Select(c => c!["number"]!.GetValue<int>()));
        Assert.Contains(flippedCases[0]!["candidate"]!["path"]!.AsArray(), s => s!["node"]!.GetValue<string>() == "policy" && s["port"]!.GetValue<string>() == "pass");
        var version2 = await (await approver.GetAsync($"/api/workflows/{id}/versions/2")).ReadObjectAsync();
        Assert.Equal("PendingApproval", version2["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddCases_Issue13_AllowedWhileUnusedConflictAfterEvaluation()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue13 frozen");
        var datasetId = await CreateDatasetAsync(author, id, "issue13-frozen", new JsonArray(Issue13Fixture.Case(42.5, "auto")));

        // Act
        var added = await author.PostAsync($"/api/datasets/{datasetId}/cases", ApiClientExtensions.Json(new JsonArray(Issue13Fixture.Case(6000, "analyst")).ToJsonString()));
        await EvaluateAsync(author, id, new JsonObject { ["version"] = 1 }, null, datasetId);
        var late = await author.PostAsync($"/api/datasets/{datasetId}/cases", ApiClientExtensions.Json(new JsonArray(Issue13Fixture.Case(10, "auto")).ToJsonString()));
        var dataset = await (await author.GetAsync($"/api/datasets/{datasetId}")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(2, dataset["caseCount"]!.GetValue<int>());
        Assert.True(dataset["frozen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Relabel_Issue13_FixedWhileUnusedRefusedOnceUsedCopyKeepsLabelsAndChanges()
    {
        // Arrange: a dataset of two cases labelled auto/analyst.
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var viewer = await fixture.ClientAsync("viewer");
        var id = await fixture.CreateSubmittedAsync("Issue13 relabel");
        var datasetId = await CreateDatasetAsync(author, id, "issue13-relabel-" + Guid.NewGuid().ToString("N")[..6], new JsonArray(Issue13Fixture.Case(42.5, "auto"), Issue13Fixture.Case(6000, "analyst")));
        static StringContent Label(string end) => ApiClientExtensions.Json(new JsonObject { ["expected"] = new JsonObject { ["end"] = end } }.ToJsonString());

        // Act: a bad End node, a viewer, a fix, a missing case; then an evaluation freezes it; then a copy.
        var bad = await author.PutAsync($"/api/datasets/{datasetId}/cases/1", Label("nowhere"));
        var byViewer = await viewer.PutAsync($"/api/datasets/{datasetId}/cases/1", Label("analyst"));
        var fixedLabel = await author.PutAsync($"/api/datasets/{datasetId}/cases/1", Label("analyst"));
        var missing = await author.PutAsync($"/api/datasets/{datasetId}/cases/9", Label("analyst"));
        await EvaluateAsync(author, id, new JsonObject { ["version"] = 1 }, null, datasetId);
        var late = await author.PutAsync($"/api/datasets/{datasetId}/cases/2", Label("auto"));
        var copied = await author.PostAsync($"/api/datasets/{datasetId}/copy", ApiClientExtensions.Json("{}"));
        var copyId = (await copied.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var inCopy = await author.PutAsync($"/api/datasets/{copyId}/cases/2", Label("auto"));
        var original = await (await author.GetAsync($"/api/datasets/{datasetId}")).ReadObjectAsync();
        var copy = await (await author.GetAsync($"/api/datasets/{copyId}")).ReadObjectAsync();
        var audit = await (await fixture.ClientAsync("approver")).GetAsync($"/api/audit?entityId={datasetId}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("expected.end", (await bad.ReadObjectAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fixedLabel.StatusCode);
        var fixedCase = await fixedLabel.ReadObjectAsync();
        Assert.Equal(("analyst", "reviewer"), (fixedCase["expected"]!["end"]!.GetValue<string>(), fixedCase["labelSource"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("copy it to a new version", (await late.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inCopy.StatusCode);
        Assert.Equal(["analyst", "analyst"], original["cases"]!.AsArray().Select(c => c!["expected"]!["end"]!.GetValue<string>()));
        Assert.True(copy["version"]!.GetValue<int>() > original["version"]!.GetValue<int>());
        Assert.False(copy["frozen"]!.GetValue<bool>());
        Assert.Equal(["analyst", "auto"], copy["cases"]!.AsArray().Select(c => c!["expected"]!["end"]!.GetValue<string>()));
        Assert.Equal("reviewer", copy["cases"]![0]!["labelSource"]!.GetValue<string>());
        var entries = (await audit.ReadObjectAsync())["items"]!.AsArray();
        Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "dataset.case-relabelled");
    }

    [Fact]
    public async Task CreateDataset_Issue13_BadCasesEachListedNothingSaved()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue13 bad cases");
        var missingAmount = Issue13Fixture.Case(1, "auto");
        missingAmount["input"]!.AsObject().Remove("amount");
        var body = new JsonObject
        {
            ["name"] = "issue13-bad",
            ["workflowId"] = id.ToString(),
            ["cases"] = new JsonArray(Issue13Fixture.Case(42.5, "auto"), missingAmount, Issue13Fixture.Case(5, "nowhere"), Issue13Fixture.Case(-3, "auto")),
        };

        // Act
        var response = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(body.ToJsonString()));
        var problem = await response.ReadObjectAsync();
        var listed = await (await author.GetAsync($"/api/datasets?workflowId={id}")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("cases[1].input", fields);
        Assert.Contains("cases[2].expected.end", fields);
        Assert.Contains("cases[3].input", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("cases[0]", StringComparison.Ordinal));
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task CreateDataset_Issue13_FromPastRunsLabelsHumanDecisionAndOutcome()
    {
        // Arrange: a published workflow (an evaluated v1) with one automatic and one human-decided run.
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var approver = await fixture.ClientAsync("approver");
        var operatorClient = await fixture.ClientAsync("operator");
        var id = await fixture.CreateSubmittedAsync("Issue13 from runs");
        var seedSet = await CreateDatasetAsync(author, id, "issue13-seed", new JsonArray(
            Issue13Fixture.Case(1, "auto"), Issue13Fixture.Case(2, "auto"), Issue13Fixture.Case(3, "auto"), Issue13Fixture.Case(4, "auto")));
        Assert.Equal(HttpStatusCode.OK, (await approver.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{id}/budget") { Content = ApiClientExtensions.Json("""{"minAutomationRate":0.5}""") })).StatusCode);
        await EvaluateAsync(author, id, new JsonObject { ["version"] = 1 }, null, seedSet);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        var auto = await StartRunAsync(operatorClient, id, RunApiFixture.Input(42.5));
        var reviewed = await StartRunAsync(operatorClient, id, RunApiFixture.Input(6000));
        await WaitRunAsync(approver, auto, "completed");
        await WaitRunAsync(approver, reviewed, "waitingforhuman");
        var task = (await (await approver.GetAsync($"/api/tasks?status=pending&runId={reviewed}")).ReadObjectAsync())["items"]!.AsArray().Single()!;
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/tasks/{task["id"]}/decision", new { decision = "reject", comment = "not ours" })).StatusCode);
        await WaitRunAsync(approver, reviewed, "completed");

        // Act
        var response = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(new JsonObject
        {
            ["name"] = "issue13-from-runs",
            ["workflowId"] = id.ToString(),
            ["fromRuns"] = new JsonObject { ["version"] = 1, ["status"] = "completed" },
        }.ToJsonString()));
        var created = await response.ReadObjectAsync();
        var dataset = await (await author.GetAsync($"/api/datasets/{created["id"]}")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var byRun = dataset["cases"]!.AsArray().ToDictionary(c => c!["sourceRunId"]!.GetValue<Guid>());
        Assert.Equal(2, byRun.Count);
        Assert.Equal("auto", byRun[auto]!["expected"]!["end"]!.GetValue<string>());
        Assert.Equal("outcome", byRun[auto]!["labelSource"]!.GetValue<string>());
        Assert.Equal("analyst", byRun[reviewed]!["expected"]!["end"]!.GetValue<string>());
        Assert.Equal("human", byRun[reviewed]!["labelSource"]!.GetValue<string>());
        Assert.Contains("human:reject", byRun[reviewed]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task StartEvaluation_Issue13_BadInputProblemDetailsNothingStarted()
    {
        // Arrange: workflow A with v1 and a dataset; workflow B without versions; workflow C whose schema needs "ticket".
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var a = await fixture.CreateSubmittedAsync("Issue13 A");
        var datasetId = await CreateDatasetAsync(author, a, "issue13-bad-input", new JsonArray(Issue13Fixture.Case(42.5, "auto"), Issue13Fixture.Case(9, "auto")));
        var b = await author.CreateWorkflowAsync("Issue13 B " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        var strict = RunApiFixture.GateWorkflow();
        var schema = strict.Nodes.Single(n => n.Id == "start").Config["inputSchema"]!.AsObject();
        schema["required"]!.AsArray().Add("ticket");
        schema["properties"]!["ticket"] = new JsonObject { ["type"] = "string" };
        var c = await author.CreateWorkflowAsync("Issue13 C " + Guid.NewGuid().ToString("N")[..6], strict);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{c}/versions")).StatusCode);

        // Act
        var otherWorkflowsVersion = await Start(author, b, new JsonObject { ["candidate"] = new JsonObject { ["version"] = 1 }, ["datasetId"] = datasetId.ToString() });
        var unknownDataset = await Start(author, a, new JsonObject { ["candidate"] = new JsonObject { ["version"] = 1 }, ["datasetId"] = Guid.NewGuid().ToString() });
        var misfit = await Start(author, c, new JsonObject { ["candidate"] = new JsonObject { ["version"] = 1 }, ["datasetId"] = datasetId.ToString() });
        var shapeless = await Start(author, a, new JsonObject { ["candidate"] = new JsonObject { ["version"] = 1, ["draft"] = true }, ["baseline"] = "v1" });
        var viewer = await Start(await fixture.ClientAsync("viewer"), a, new JsonObject { ["candidate"] = new JsonObject { ["version"] = 1 }, ["datasetId"] = datasetId.ToString() });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, otherWorkflowsVersion.Status);
        Assert.Contains(otherWorkflowsVersion.Fields, f => f == "candidate.version");
        Assert.Equal(HttpStatusCode.BadRequest, unknownDataset.Status);
        Assert.Contains(unknownDataset.Fields, f => f == "datasetId");
        Assert.Equal(HttpStatusCode.BadRequest, misfit.Status);
        Assert.Equal(["cases[1]", "cases[2]"], misfit.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, shapeless.Status);
        Assert.Equal(["baseline", "candidate", "datasetId"], shapeless.Fields.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        foreach (var workflow in new[] { a, b, c })
        {
            Assert.Empty((await (await author.GetAsync($"/api/workflows/{workflow}/evaluations")).ReadObjectAsync())["items"]!.AsArray());
        }

        Assert.False((await (await author.GetAsync($"/api/datasets/{datasetId}")).ReadObjectAsync())["frozen"]!.GetValue<bool>());
    }

    private static async Task<(HttpStatusCode Status, List<string> Fields)> Start(HttpClient client, Guid workflowId, JsonObject body)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/evaluations", ApiClientExtensions.Json(body.ToJsonString()));
        var problem = await response.ReadObjectAsync();
        return (response.StatusCode, problem["errors"]?.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList() ?? []);
    }

    internal static async Task<Guid> CreateDatasetAsync(HttpClient author, Guid workflowId, string name, JsonArray cases)
    {
        var response = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(new JsonObject
        {
            ["name"] = name,
            ["workflowId"] = workflowId.ToString(),
            ["cases"] = cases,
        }.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    internal static async Task<JsonObject> EvaluateAsync(HttpClient client, Guid workflowId, JsonObject candidate, JsonObject? baseline, Guid datasetId)
    {
        var body = new JsonObject { ["candidate"] = candidate, ["datasetId"] = datasetId.ToString() };
        if (baseline is not null)
        {
            body["baseline"] = baseline;
        }

        var response = await client.PostAsync($"/api/workflows/{workflowId}/evaluations", ApiClientExtensions.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var evaluation = await (await client.GetAsync($"/api/evaluations/{id}")).ReadObjectAsync();
            var status = evaluation["status"]!.GetValue<string>();
            if (status is "succeeded" or "failed" or "cancelled")
            {
                Assert.Equal("succeeded", status);
                return evaluation;
            }

            Assert.True(DateTime.UtcNow < deadline, $"evaluation {id} is still {status}");
            await Task.Delay(100);
        }
    }

    private static async Task<Guid> StartRunAsync(HttpClient client, Guid workflowId, JsonObject input)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/runs", ApiClientExtensions.Json(new JsonObject { ["input"] = input }.ToJsonString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadObjectAsync())["runId"]!.GetValue<Guid>();
    }

    private static async Task WaitRunAsync(HttpClient client, Guid runId, string status)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!string.Equals((await (await client.GetAsync($"/api/runs/{runId}")).ReadObjectAsync())["status"]!.GetValue<string>(), status, StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} never became {status}");
            await Task.Delay(100);
        }
    }
}
