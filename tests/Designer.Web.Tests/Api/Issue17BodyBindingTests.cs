using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>
/// Issue 17: the workflow, version, model, chat-model, trigger and rollout bodies bind to request records, and a
/// wrongly typed body is one 400 ProblemDetails that lists every wrongly typed property with its field.
/// </summary>
public sealed class Issue17BodyBindingTests(Issue14RequestTests.Fixture fixture) : IClassFixture<Issue14RequestTests.Fixture>
{
    [Fact]
    public async Task CreateWorkflow_Issue17_WronglyTypedBody_ListsEveryProblem()
    {
        var author = await fixture.ClientAsync("author");

        var response = await author.PostAsync("/api/workflows", ApiClientExtensions.Json("""{"name":5,"description":true,"definition":{"nodes":7}}"""));

        Assert.Equal(["description", "name"], await FieldsAsync(response));
    }

    [Fact]
    public async Task ApproveVersion_Issue17_WronglyTypedComment_KeepsDetailAndNamesField()
    {
        var approver = await fixture.ClientAsync("approver");

        var response = await approver.PostAsync($"/api/workflows/{fixture.WorkflowId}/versions/1/approve", ApiClientExtensions.Json("""{"comment":5}"""));
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'comment' must be a string.", problem["detail"]!.GetValue<string>());
        Assert.Equal("comment", problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisterChatModel_Issue17_WronglyTypedBody_ListsEveryProblem()
    {
        var author = await fixture.ClientAsync("author");

        var response = await author.PostAsync("/api/chat-models", ApiClientExtensions.Json(
            """{"id":5,"provider":true,"endpoint":"http://x","modelName":"m","temperature":"hot","supportsJsonSchema":"yes","contextWindow":1.5}"""));
        var problem = await response.ReadObjectAsync();

        Assert.Equal(["contextWindow", "id", "provider", "supportsJsonSchema", "temperature"], Fields(problem, response.StatusCode));
        Assert.Equal("The chat-model registration is not valid.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task TrainModel_Issue17_IncompleteOrWronglyTypedDecisions_ListsEachByPosition()
    {
        var author = await fixture.ClientAsync("author");

        var incomplete = await author.PostAsync("/api/models/dispute-risk/train", ApiClientExtensions.Json(
            """{"decisions":[{"disputeId":"D-000001","highRisk":true},{"disputeId":"D-000002"},null]}"""));
        var wronglyTyped = await author.PostAsync("/api/models/dispute-risk/train", ApiClientExtensions.Json(
            """{"decisions":[{"disputeId":5,"highRisk":true},{"disputeId":"D-000002","highRisk":false},{"disputeId":"D-000003","highRisk":"yes"}]}"""));
        var notArray = await author.PostAsync("/api/models/dispute-risk/train", ApiClientExtensions.Json("""{"decisions":"all"}"""));

        Assert.Equal(["decisions[1]", "decisions[2]"], await FieldsAsync(incomplete));
        Assert.Equal(["decisions[0]", "decisions[2]"], await FieldsAsync(wronglyTyped));
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
        Assert.StartsWith("'decisions' must be an array", (await notArray.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApiKeyAndSchedule_Issue17_WronglyTypedBodies_ListEveryProblemWithValueProblems()
    {
        var operatorClient = await fixture.ClientAsync("operator");

        var key = await operatorClient.PostAsync($"/api/workflows/{fixture.WorkflowId}/api-keys", ApiClientExtensions.Json("""{"name":5,"signed":"yes"}"""));
        var schedule = await operatorClient.PostAsync($"/api/workflows/{fixture.WorkflowId}/schedules", ApiClientExtensions.Json(
            """{"name":5,"cron":"61 * * * *","timeZone":"UTC","enabled":"yes","missedPolicy":7,"input":[1]}"""));

        Assert.Equal(["name", "signed"], await FieldsAsync(key));
        Assert.Equal(["cron", "enabled", "input", "missedPolicy", "name"], await FieldsAsync(schedule));
    }

    [Fact]
    public async Task StartRollout_Issue17_WronglyTypedBody_ListsEveryProblemWithValueProblems()
    {
        var approver = await fixture.ClientAsync("approver");

        var response = await approver.PostAsync($"/api/workflows/{fixture.WorkflowId}/versions/1/rollout", ApiClientExtensions.Json(
            """{"mode":5,"percent":"ten","window":"PT0S","guards":{"maxWrongRate":2,"nope":1}}"""));

        Assert.Equal(["guards.maxWrongRate", "guards.nope", "mode", "percent", "window"], await FieldsAsync(response));
    }

    private static async Task<List<string>> FieldsAsync(HttpResponseMessage response) =>
        Fields(await response.ReadObjectAsync(), response.StatusCode);

    private static List<string> Fields(JsonObject problem, HttpStatusCode status)
    {
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {problem.ToJsonString()}");
        return [.. problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal)];
    }
}
