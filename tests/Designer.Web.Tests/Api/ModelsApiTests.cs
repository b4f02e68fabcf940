using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Api;

/// <summary>The model registry API: retraining, four-eyes approval, serving and pinning only approved versions, audit.</summary>
public sealed class ModelsApiTests(ModelsApiTests.Fixture fixture) : IClassFixture<ModelsApiTests.Fixture>
{
    private const string Model = "dispute-risk";

    [Fact]
    public async Task List_Bootstrapped_ShowsDisputeRiskV1Approved()
    {
        // Arrange
        var viewer = await fixture.Factory.ClientForAsync("viewer");

        // Act
        var models = await viewer.GetFromJsonAsync<JsonArray>("/api/models");
        var detail = await viewer.GetFromJsonAsync<JsonObject>($"/api/models/{Model}");

        // Assert
        var risk = Assert.Single(models!, m => m!["id"]!.GetValue<string>() == Model)!;
        // Other tests of this class share the app and may approve later versions first (order depends on the checkout).
        Assert.True(risk["latestApprovedVersion"]!.GetValue<int>() >= 1);
        var v1 = detail!["versions"]!.AsArray().Single(v => v!["version"]!.GetValue<int>() == 1)!;
        Assert.Equal("Approved", v1["status"]!.GetValue<string>());
        Assert.Equal("system:bootstrap", v1["trainedBy"]!.GetValue<string>());
        Assert.True(v1["metrics"]!["auc"]!.GetValue<double>() > 0.8);
    }

    [Fact]
    public async Task Train_WithoutDecisions_RegistersPendingVersionThatDiffersFromV1()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");

        // Act
        var response = await author.PostAsync($"/api/models/{Model}/train", null);
        var trained = await response.ReadObjectAsync();
        var v1 = (await author.GetFromJsonAsync<JsonObject>($"/api/models/{Model}"))!["versions"]!.AsArray()[0]!;

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("PendingApproval", trained["status"]!.GetValue<string>());
        Assert.True(trained["version"]!.GetValue<int>() >= 2);
        Assert.Equal(5000, trained["metrics"]!["trainingDataSize"]!.GetValue<double>());
        Assert.NotEqual(v1["metrics"]!["auc"]!.GetValue<double>(), trained["metrics"]!["auc"]!.GetValue<double>());
        Assert.Equal("author@demo.local", trained["trainedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Train_UnknownOrDuplicateDisputes_Returns400ListingEach()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");
        var body = new
        {
            decisions = new object[]
            {
                new { disputeId = "D-000001", highRisk = true },
                new { disputeId = "nope", highRisk = true },
                new { disputeId = "D-000001", highRisk = false },
            },
        };

        // Act
        var response = await author.PostJsonAsync($"/api/models/{Model}/train", body);
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = problem["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["training.unknownDispute", "training.duplicateDispute"], codes);
    }

    [Fact]
    public async Task Train_UnknownModel_Returns404()
    {
        var author = await fixture.Factory.ClientForAsync("author");

        var response = await author.PostAsync("/api/models/no-such-model/train", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_TrainedWithDecisions_NotServedOrPinnableUntilAnotherApproverApproves()
    {
        // Arrange: one person who is both author and approver trains with human decisions.
        var trainer = await fixture.ClientForNewUserAsync("trainer@demo.local", "author", "approver");
        var approver = await fixture.Factory.ClientForAsync("approver");
        var decisions = Enumerable.Range(1, 40).Select(i => new { disputeId = $"D-{i:000000}", highRisk = i % 2 == 0 }).ToArray();
        var trained = await (await trainer.PostJsonAsync($"/api/models/{Model}/train", new { decisions })).ReadObjectAsync();
        var version = trained["version"]!.GetValue<int>();
        var workflowId = await trainer.CreateWorkflowAsync("Pins v" + version, PinnedDemo(version));
        var inference = fixture.Factory.Services.GetRequiredService<IInferenceClient>();
        float[][] row = [new float[10]];

        // Act + Assert: pending → not pinnable, not served, not approvable by its trainer.
        Assert.Contains("config.unknownReference", await ValidationCodesAsync(trainer, workflowId));
        await Assert.ThrowsAsync<ModelNotFoundException>(() => inference.PredictAsync(Model, version, row, CancellationToken.None));
        var selfApproval = await trainer.PostJsonAsync($"/api/models/{Model}/versions/{version}/approve");
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);

        // Act + Assert: another approver approves → served and pinnable.
        var approval = await approver.PostJsonAsync($"/api/models/{Model}/versions/{version}/approve", new { comment = "metrics fine" });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal("Approved", (await approval.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.DoesNotContain("config.unknownReference", await ValidationCodesAsync(trainer, workflowId));
        var served = await inference.PredictAsync(Model, version, row, CancellationToken.None);
        Assert.Equal(version, served.Version);

        // Assert: both governance actions are audited with training size and metrics.
        var audit = await approver.GetFromJsonAsync<JsonObject>($"/api/audit?entityId={Model}/v{version}");
        var entries = audit!["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var trainedEntry = Assert.Single(entries, e => e["action"]!.GetValue<string>() == "model.trained");
        var data = JsonNode.Parse(trainedEntry["dataJson"]!.GetValue<string>())!;
        Assert.Equal(5040, data["trainingDataSize"]!.GetValue<int>());
        Assert.Equal(40, data["humanDecisions"]!.GetValue<int>());
        Assert.InRange(data["auc"]!.GetValue<double>(), 0.5, 1.0);
        Assert.InRange(data["accuracy"]!.GetValue<double>(), 0.5, 1.0);
        Assert.Single(entries, e => e["action"]!.GetValue<string>() == "model.approved");
    }

    [Fact]
    public async Task Reject_WithoutCommentThenWithComment_400Then200AndAudited()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");
        var approver = await fixture.Factory.ClientForAsync("approver");
        var version = (await (await author.PostAsync($"/api/models/{Model}/train", null)).ReadObjectAsync())["version"]!.GetValue<int>();

        // Act
        var bare = await approver.PostAsync($"/api/models/{Model}/versions/{version}/reject", null);
        var rejected = await approver.PostJsonAsync($"/api/models/{Model}/versions/{version}/reject", new { comment = "worse calibration" });
        var again = await approver.PostJsonAsync($"/api/models/{Model}/versions/{version}/approve");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await approver.GetFromJsonAsync<JsonObject>($"/api/audit?entityId={Model}/v{version}");
        Assert.Contains(audit!["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "model.rejected");
    }

    [Fact]
    public async Task Get_WorkflowVersionPinsV1_ListsItUnderV1()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");
        var workflowId = await author.CreateWorkflowAsync("Uses v1", TestWorkflows.TriageWithoutRetrieval());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{workflowId}/versions")).StatusCode);

        // Act
        var detail = await author.GetFromJsonAsync<JsonObject>($"/api/models/{Model}");

        // Assert
        var v1 = detail!["versions"]!.AsArray().Single(v => v!["version"]!.GetValue<int>() == 1)!;
        var usage = Assert.Single(v1["usedBy"]!.AsArray(), u => u!["workflowId"]!.GetValue<Guid>() == workflowId)!;
        Assert.Equal(1, usage["workflowVersion"]!.GetValue<int>());
        Assert.True(usage["pinned"]!.GetValue<bool>());
    }

    private static WorkflowDefinition PinnedDemo(int modelVersion)
    {
        var definition = TestWorkflows.TriageWithoutRetrieval();
        definition.Nodes.Single(n => n.Id == "risk").Config["modelVersion"] = modelVersion;
        return definition;
    }

    private static async Task<List<string>> ValidationCodesAsync(HttpClient client, Guid workflowId)
    {
        var response = await client.PostJsonAsync($"/api/workflows/{workflowId}/draft/validate");
        var text = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(text)!;
        var problems = node is JsonArray array ? array : (node["problems"] ?? node["errors"])!.AsArray();
        return problems.Select(p => p!["code"]!.GetValue<string>()).ToList();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public DesignerWebFactory Factory { get; } = new();

        public Task<HttpClient> ClientForNewUserAsync(string email, params string[] roles) => Factory.ClientForNewUserAsync(email, roles);

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
