using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

/// <summary>
/// Issue 17: the dataset bodies bind to request records (<c>CreateDatasetRequest</c>, <c>AddCasesRequest</c>,
/// <c>RelabelCaseRequest</c>) and one 400 lists every wrongly typed or invalid property with its position.
/// </summary>
public sealed class Issue17DatasetRequestTests(SqliteIssue13Fixture fixture) : IClassFixture<SqliteIssue13Fixture>
{
    [Fact]
    public async Task CreateDataset_Issue17_WronglyTypedBodyListsEveryProblem()
    {
        // Arrange: every top-level property, both cases and the run filter wrongly typed or out of range.
        var author = await fixture.ClientAsync("author");
        var body = """
            {"name": 5, "workflowId": "not-a-guid", "description": 7,
             "cases": [{"input": "x", "expected": {"end": 3}, "tags": "t"}, 5],
             "fromRuns": {"version": "one", "max": 0, "from": 3, "status": "nope"}}
            """;

        // Act
        var response = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(body));
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The dataset request is invalid; nothing was saved.", problem["detail"]!.GetValue<string>());
        var fields = Fields(problem);
        Assert.Equal(
            ["cases", "cases[0].expected", "cases[0].input", "cases[0].tags", "cases[1]", "description",
             "fromRuns.from", "fromRuns.max", "fromRuns.status", "fromRuns.version", "name", "workflowId"],
            fields.Distinct().Order(StringComparer.Ordinal));
        var name = problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "name")!;
        Assert.Equal("name is required (1–200 characters).", name["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDataset_Issue17_CsvAndRunFilterShapesStillAccepted()
    {
        // Arrange
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue17 shapes");
        var csv = new JsonObject
        {
            ["name"] = "issue17-csv",
            ["workflowId"] = id.ToString("N"), // any form Guid.TryParse reads, as before
            ["csv"] = "amount,category,currency,merchant,description,expected_end,tags\n42.5,quality,EUR,Maple Books,Torn cover,auto,a;b\n",
        };
        var runs = new JsonObject { ["name"] = "issue17-runs", ["workflowId"] = id.ToString(), ["fromRuns"] = new JsonObject { ["max"] = 5 } };

        // Act
        var fromCsv = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(csv.ToJsonString()));
        var fromRuns = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(runs.ToJsonString()));

        // Assert: the CSV is read; no run has ended yet, so the run filter finds no case (not a shape problem).
        Assert.Equal(HttpStatusCode.Created, fromCsv.StatusCode);
        Assert.Equal(1, (await fromCsv.ReadObjectAsync())["caseCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, fromRuns.StatusCode);
        Assert.Equal(["cases"], Fields(await fromRuns.ReadObjectAsync()));
    }

    [Fact]
    public async Task AddCases_Issue17_BothShapesBindAndWrongTypesListedPerCase()
    {
        // Arrange
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue17 add cases");
        var datasetId = await Issue13EvaluationApiTests.CreateDatasetAsync(author, id, "issue17-add", new JsonArray(Issue13Fixture.Case(42.5, "auto")));
        var bad = new JsonObject
        {
            ["cases"] = new JsonArray(
                new JsonObject { ["input"] = 1, ["expected"] = "auto" },
                new JsonObject { ["input"] = Issue13Fixture.Case(5, "auto")["input"]!.DeepClone(), ["expected"] = new JsonObject { ["end"] = "auto" }, ["tags"] = new JsonArray(1) }),
        };

        // Act
        var refused = await author.PostAsync($"/api/datasets/{datasetId}/cases", ApiClientExtensions.Json(bad.ToJsonString()));
        var asObject = await author.PostAsync($"/api/datasets/{datasetId}/cases", ApiClientExtensions.Json(new JsonObject { ["cases"] = new JsonArray(Issue13Fixture.Case(6000, "analyst")) }.ToJsonString()));
        var asArray = await author.PostAsync($"/api/datasets/{datasetId}/cases", ApiClientExtensions.Json(new JsonArray(Issue13Fixture.Case(7, "auto")).ToJsonString()));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["cases[0].expected", "cases[0].input", "cases[1].tags"], Fields(await refused.ReadObjectAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, asObject.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asArray.StatusCode);
        Assert.Equal(3, (await asArray.ReadObjectAsync())["caseCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Relabel_Issue17_WronglyTypedEndIsTheLabelProblemAndJsonSubtypesAccepted()
    {
        // Arrange
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue17 relabel");
        var datasetId = await Issue13EvaluationApiTests.CreateDatasetAsync(author, id, "issue17-relabel", new JsonArray(Issue13Fixture.Case(42.5, "auto")));
        var fixedLabel = new StringContent("""{"expected":{"end":"analyst"}}""", Encoding.UTF8);
        fixedLabel.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");

        // Act
        var wrong = await author.PutAsync($"/api/datasets/{datasetId}/cases/1", ApiClientExtensions.Json("""{"expected":{"end":5}}"""));
        var relabelled = await author.PutAsync($"/api/datasets/{datasetId}/cases/1", fixedLabel);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["expected.end"], Fields(await wrong.ReadObjectAsync()));
        Assert.Equal(HttpStatusCode.OK, relabelled.StatusCode);
        Assert.Equal("analyst", (await relabelled.ReadObjectAsync())["expected"]!["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDataset_Issue17_InputKeysDifferingOnlyInCase_NoServerError()
    {
        // Arrange: the input is kept as sent, so its keys stay case-sensitive.
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue17 keys");
        var body = "{\"name\":\"issue17-keys\",\"workflowId\":\"" + id + "\",\"cases\":[{\"input\":{\"amount\":1,\"Amount\":2},\"expected\":{\"end\":\"auto\"}}]}";

        // Act
        var response = await author.PostAsync("/api/datasets", ApiClientExtensions.Json(body));

        // Assert
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static List<string> Fields(JsonObject problem) =>
        problem["errors"]?.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList() ?? [];
}
