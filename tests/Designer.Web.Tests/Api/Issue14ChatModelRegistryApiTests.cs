using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Api;

/// <summary>Issue 14: the web host keeps chat-model versions in the database, each review audited in its transaction.</summary>
public sealed class Issue14ChatModelRegistryApiTests
{
    private const string Endpoint = "http://127.0.0.1:9/v1";

    [Fact]
    public async Task RegisterAndApprove_Issue14_RowsInDatabaseWithOneEntryEach()
    {
        // Arrange
        await using var factory = new DesignerWebFactory { Settings = { ["Designer:ChatModels:AllowedEndpoints:0"] = Endpoint } };
        var author = await factory.ClientForAsync("author");
        var approver = await factory.ClientForAsync("approver");

        // Act
        var registered = await author.PostAsJsonAsync("/api/chat-models", new { id = "local-llm", provider = "openai-compatible", endpoint = Endpoint, modelName = "llama" }, TestContext.Current.CancellationToken);
        var selfReview = await author.PostAsync("/api/chat-models/local-llm/versions/1/approve", null, TestContext.Current.CancellationToken);
        var approved = await approver.PostAsync("/api/chat-models/local-llm/versions/1/approve", null, TestContext.Current.CancellationToken);
        var again = await approver.PostAsync("/api/chat-models/local-llm/versions/1/approve", null, TestContext.Current.CancellationToken);
        var listed = await approver.GetFromJsonAsync<JsonArray>("/api/chat-models", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfReview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("approved", Assert.Single(listed!)!["status"]!.GetValue<string>());
        Assert.IsType<DatabaseChatModelRegistry>(factory.Services.GetRequiredService<IChatModelRegistry>());
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var row = await db.ChatModelVersions.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("local-llm", 1, "Approved"), (row.ModelId, row.Version, row.Status));
        var actions = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == "local-llm@1").Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["chat-model.approved", "chat-model.registered"], actions.Order(StringComparer.Ordinal));
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }
}
