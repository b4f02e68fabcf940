using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>The draft → submit → approve → publish lifecycle through the REST API, on each storage provider.</summary>
public abstract class LifecycleApiTests : IAsyncLifetime
{
    private DesignerWebFactory _factory = default!;

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();

    public async ValueTask InitializeAsync() => _factory = await CreateFactoryAsync();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Lifecycle_DraftSubmitApprove_PublishesActiveVersion()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var approver = await _factory.ClientForAsync("approver");
        var id = await author.CreateWorkflowAsync("Lifecycle", TestWorkflows.TriageWithoutRetrieval());
        var (_, etag) = await author.GetDraftAsync(id);

        // Act
        var submit = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        var approve = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve", new { comment = "ok" });
        var workflow = await (await author.GetAsync($"/api/workflows/{id}")).ReadObjectAsync();
        var version = await (await author.GetAsync($"/api/workflows/{id}/versions/1")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(1, workflow["activeVersion"]!.GetValue<int>());
        Assert.Equal("Published", version["status"]!.GetValue<string>());
        Assert.StartsWith("sha256:", version["contentHash"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ContentHash.Compute(TestWorkflows.TriageWithoutRetrieval() is var d ? Renamed(d, "Lifecycle") : d),
            version["contentHash"]!.GetValue<string>());
        Assert.NotNull(etag);
    }

    [Fact]
    public async Task Submit_Issue18_UnchangedDraft_Returns400AndCreatesNoVersion()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Unchanged", TestWorkflows.TriageWithoutRetrieval());
        var first = await author.PostJsonAsync($"/api/workflows/{id}/versions");

        // Act
        var second = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        var problem = await second.ReadObjectAsync();
        var versions = await (await author.GetAsync($"/api/workflows/{id}/versions")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "draft.unchanged");
        Assert.Equal(1, versions["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task PutDraft_StaleETag_Returns409WithCurrentETag()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Stale");
        var (draft, etag) = await author.GetDraftAsync(id);
        var json = draft["definition"]!.ToJsonString();
        var first = await author.PutDraftAsync(id, json, etag);

        // Act
        var second = await author.PutDraftAsync(id, json, etag);
        var problem = await second.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Headers.ETag!.ToString(), problem["currentETag"]!.GetValue<string>());
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task PutDraft_NoIfMatch_Returns428()
    {
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("No precondition");
        var (draft, _) = await author.GetDraftAsync(id);

        var response = await author.PutDraftAsync(id, draft["definition"]!.ToJsonString(), etag: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
    }

    [Fact]
    public async Task PutDraft_InvalidButWellFormed_SavesAndListsProblems()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Invalid draft");
        var (_, etag) = await author.GetDraftAsync(id);
        const string invalid = """{"schemaVersion":1,"name":"Invalid draft","nodes":[{"id":"a","kind":"start","name":"A","position":{"x":0,"y":0},"config":{}},{"id":"x","kind":"teleport","name":"X","position":{"x":0,"y":0},"config":{}}],"edges":[]}""";

        // Act
        var response = await author.PutDraftAsync(id, invalid, etag);
        var body = await response.ReadObjectAsync();
        var submit = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        var submitProblem = await submit.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = body["problems"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()).ToList();
        Assert.Contains(ProblemCodes.NodeUnknownKind, codes);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(codes.Count, submitProblem["errors"]!.AsArray().Count);
        Assert.Contains(submitProblem["errors"]!.AsArray(), e => e!["nodeId"]?.GetValue<string>() == "x");
    }

    [Fact]
    public async Task PutDraft_Malformed_Returns400AndKeepsDraft()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Malformed");
        var (before, etag) = await author.GetDraftAsync(id);

        // Act
        var response = await author.PutDraftAsync(id, """{"nodes": "not a list" """, etag);
        var (after, etagAfter) = await author.GetDraftAsync(id);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Reject_WithoutComment_Returns400_WithComment_Rejects()
    {
        var author = await _factory.ClientForAsync("author");
        var approver = await _factory.ClientForAsync("approver");
        var id = await author.CreateWorkflowAsync("Reject me", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");

        var bare = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/reject");
        var withComment = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/reject", new { comment = "Threshold too low" });
        var approveAfter = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withComment.StatusCode);
        Assert.Equal("Rejected", (await withComment.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
    }

    [Fact]
    public async Task Activate_OlderPublishedVersion_RollsBack()
    {
        // Arrange: publish v1 and v2.
        var author = await _factory.ClientForAsync("author");
        var approver = await _factory.ClientForAsync("approver");
        var id = await author.CreateWorkflowAsync("Rollback", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");
        await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        var (draft, etag) = await author.GetDraftAsync(id);
        var definition = draft["definition"]!.AsObject();
        definition["description"] = "second";
        await author.PutDraftAsync(id, definition.ToJsonString(), etag);
        await author.PostJsonAsync($"/api/workflows/{id}/versions");
        await approver.PostJsonAsync($"/api/workflows/{id}/versions/2/approve");

        // Act
        var byAuthor = await author.PostJsonAsync($"/api/workflows/{id}/versions/1/activate");
        var byApprover = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/activate");
        var workflow = await (await author.GetAsync($"/api/workflows/{id}")).ReadObjectAsync();
        var diff = await (await author.GetAsync($"/api/workflows/{id}/diff?from=1&to=2")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byApprover.StatusCode);
        Assert.Equal(1, workflow["activeVersion"]!.GetValue<int>());
        var change = Assert.Single(diff["workflowChanges"]!.AsArray());
        Assert.Equal("description", change!["path"]!.GetValue<string>());
        Assert.Equal("second", change["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Audit_AfterGovernanceActions_ChainVerifies()
    {
        var author = await _factory.ClientForAsync("author");
        var approver = await _factory.ClientForAsync("approver");
        var admin = await _factory.ClientForAsync("admin");
        var id = await author.CreateWorkflowAsync("Audited", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");
        await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");

        var entries = await (await admin.GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();
        var verify = await (await admin.GetAsync("/api/audit/verify")).ReadObjectAsync();

        var actions = entries["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("version.submitted", actions);
        Assert.Contains("version.approved", actions);
        Assert.True(verify["isValid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AuditCheckpoint_Issue14_ExportedThenVerified_AndMalformedListsEveryField()
    {
        // Arrange
        var author = await _factory.ClientForAsync("author");
        var auditor = await _factory.ClientForAsync("admin");
        await author.CreateWorkflowAsync("Anchored", TestWorkflows.TriageWithoutRetrieval());
        var checkpoint = await (await auditor.GetAsync("/api/audit/checkpoint")).ReadObjectAsync();
        var key = await (await auditor.GetAsync("/api/audit/checkpoint/key")).ReadObjectAsync();

        // Act
        var verified = await (await auditor.PostJsonAsync("/api/audit/checkpoint/verify", checkpoint)).ReadObjectAsync();
        checkpoint["sequence"] = checkpoint["sequence"]!.GetValue<long>() + 1;
        var forged = await (await auditor.PostJsonAsync("/api/audit/checkpoint/verify", checkpoint)).ReadObjectAsync();
        var malformed = await auditor.PostJsonAsync("/api/audit/checkpoint/verify", new { sequence = -1, hash = "xyz" });
        var problem = await malformed.ReadObjectAsync();

        // Assert
        Assert.True(verified["isValid"]!.GetValue<bool>());
        Assert.Equal(key["keyId"]!.GetValue<string>(), checkpoint["keyId"]!.GetValue<string>());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key["publicKeyPem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(forged["isValid"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(
            ["hash", "keyId", "sequence", "signature", "signedAt"],
            problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static WorkflowDefinition Renamed(WorkflowDefinition definition, string name)
    {
        definition.Name = name;
        return definition;
    }
}
