using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

/// <summary>Issue 14 item 6: a collection a published version retrieves from is neither deleted nor re-embedded.</summary>
public sealed class Issue14CollectionGovernanceTests(SqliteCollectionApiFixture fixture) : IClassFixture<SqliteCollectionApiFixture>
{
    [Fact]
    public async Task DeleteAndReembed_Issue14_CollectionUsedByPublishedVersion_Refused409()
    {
        // Arrange: a published version whose retrieval node reads the collection.
        var author = await fixture.ClientAsync("author");
        var approver = await fixture.ClientAsync("approver");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes.Single(n => n.Id == "similar").Config["collection"] = name;
        var id = await author.CreateWorkflowAsync("Uses " + name, definition);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        var approved = await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // Act
        var delete = await author.DeleteAsync($"/api/collections/{name}", TestContext.Current.CancellationToken);
        var reembed = await author.PostJsonAsync($"/api/collections/{name}/reembed", new { });
        var stillThere = await author.GetAsync($"/api/collections/{name}", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains(name, (await delete.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reembed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Delete_Issue14_CollectionUsedOnlyByADraft_Allowed()
    {
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes.Single(n => n.Id == "similar").Config["collection"] = name;
        await author.CreateWorkflowAsync("Draft uses " + name, definition);

        var delete = await author.DeleteAsync($"/api/collections/{name}", TestContext.Current.CancellationToken);
        var audit = await (await (await fixture.ClientAsync("admin")).GetAsync($"/api/audit?entityId={name}", TestContext.Current.CancellationToken)).ReadObjectAsync();

        // The deletion and its creation are audit entries by the user who made them (issue 14 item 6).
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(["collection.deleted", "collection.created"], audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(audit["items"]!.AsArray(), e => Assert.NotEqual("system", e!["actorId"]!.GetValue<string>()));
    }
}
