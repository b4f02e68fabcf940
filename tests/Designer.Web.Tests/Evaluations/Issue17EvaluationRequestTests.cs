using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

/// <summary>
/// Issue 17: the evaluation and budget bodies bind to request records (<c>StartEvaluationRequest</c>,
/// <c>BudgetRequest</c>), one 400 lists every problem, and the typed answers keep their JSON shape.
/// </summary>
public sealed class Issue17EvaluationRequestTests(SqliteIssue13Fixture fixture) : IClassFixture<SqliteIssue13Fixture>
{
    [Fact]
    public async Task StartEvaluation_Issue17_WronglyTypedBodyListsEveryProblem()
    {
        // Arrange
        var author = await fixture.ClientAsync("author");
        var id = await fixture.CreateSubmittedAsync("Issue17 start");

        // Act
        var response = await author.PostAsync(
            $"/api/workflows/{id}/evaluations", ApiClientExtensions.Json("""{"candidate":{"version":"one"},"baseline":{"version":0},"datasetId":5}"""));
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The evaluation request is invalid; nothing was started.", problem["detail"]!.GetValue<string>());
        Assert.Equal(["baseline", "baseline.version", "candidate", "candidate.version", "datasetId"], Fields(problem).Order(StringComparer.Ordinal));
        Assert.Empty((await (await author.GetAsync($"/api/workflows/{id}/evaluations")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task StartEvaluation_Issue17_ViewerWithWronglyTypedBody_Forbidden()
    {
        // Arrange
        var viewer = await fixture.ClientAsync("viewer");
        var id = await fixture.CreateSubmittedAsync("Issue17 viewer");

        // Act
        var response = await viewer.PostAsync($"/api/workflows/{id}/evaluations", ApiClientExtensions.Json("""{"candidate":5,"datasetId":[]}"""));

        // Assert: the role is checked before the body's values.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SetBudget_Issue17_WronglyTypedBodyListsEveryProblem()
    {
        // Arrange
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateSubmittedAsync("Issue17 budget");
        var body = """{"maxWrongAutomaticRate":"low","minAutomationRate":2,"maxP95LatencyMs":true,"noNewlyFailingCritical":"yes"}""";

        // Act
        var response = await approver.PutAsync($"/api/workflows/{id}/budget", ApiClientExtensions.Json(body));
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The failure budget is invalid; nothing was saved.", problem["detail"]!.GetValue<string>());
        Assert.Equal(["maxP95LatencyMs", "maxWrongAutomaticRate", "minAutomationRate", "noNewlyFailingCritical"], Fields(problem).Order(StringComparer.Ordinal));
        var wrong = problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "maxWrongAutomaticRate")!;
        Assert.Equal("maxWrongAutomaticRate must be a number from 0 to 1.", wrong["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await approver.GetAsync($"/api/workflows/{id}/budget")).StatusCode);
    }

    [Fact]
    public async Task Budget_Issue17_PutAndGetKeepTheirShapeAndJsonSubtypesAccepted()
    {
        // Arrange
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateSubmittedAsync("Issue17 budget shape");
        var content = new StringContent("""{"minAutomationRate":0.5}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");

        // Act
        var put = await approver.PutAsync($"/api/workflows/{id}/budget", content);
        var saved = await put.ReadObjectAsync();
        var read = await (await approver.GetAsync($"/api/workflows/{id}/budget")).ReadObjectAsync();

        // Assert: an unset limit is left out, as before.
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        foreach (var budget in new[] { saved, read })
        {
            Assert.Equal(["minAutomationRate", "noNewlyFailingCritical", "workflowId"], budget.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(id, budget["workflowId"]!.GetValue<Guid>());
            Assert.Equal(0.5, budget["minAutomationRate"]!.GetValue<double>());
            Assert.False(budget["noNewlyFailingCritical"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Gate_Issue17_WithoutEvaluation_KeepsItsShape()
    {
        // Arrange
        var viewer = await fixture.ClientAsync("viewer");
        var id = await fixture.CreateSubmittedAsync("Issue17 gate");

        // Act
        var gate = await (await viewer.GetAsync($"/api/workflows/{id}/versions/1/evaluation-gate")).ReadObjectAsync();

        // Assert: no evaluation, no budget and no metrics are left out.
        Assert.Equal(["minCases", "passed", "reasons", "required"], gate.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(gate["required"]!.GetValue<bool>());
        Assert.False(gate["passed"]!.GetValue<bool>());
        Assert.Equal(4, gate["minCases"]!.GetValue<int>());
        Assert.Contains("no finished evaluation", gate["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static List<string> Fields(JsonObject problem) =>
        problem["errors"]?.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList() ?? [];
}
