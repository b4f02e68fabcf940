using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

/// <summary>
/// Issue 17 item 1: the retrieval node's collection is checked at design time. Before, the validator answered
/// "unknown" for every collection, so a version naming a collection that did not exist was published and failed
/// only when a run reached the node.
/// </summary>
public sealed class Issue17CollectionReferenceTests(SqliteCollectionApiFixture fixture) : IClassFixture<SqliteCollectionApiFixture>
{
    [Fact]
    public async Task Submit_Issue17_RetrievalNamesMissingCollection_Returns400AndCreatesNoVersion()
    {
        // Arrange
        var author = await fixture.ClientAsync("author");
        var missing = CollectionApi.Name();
        var id = await author.CreateWorkflowAsync("Missing " + missing, UsingCollection(missing));

        // Act
        var submit = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        var problem = await submit.ReadObjectAsync();
        var versions = await (await author.GetAsync($"/api/workflows/{id}/versions", TestContext.Current.CancellationToken)).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var error = Assert.Single(problem["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "config.unknownReference");
        Assert.Equal("similar", error!["nodeId"]!.GetValue<string>());
        Assert.Equal("collection", error["field"]!.GetValue<string>());
        Assert.Contains(missing, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(versions["items"]!.AsArray());
    }

    [Fact]
    public async Task Submit_Issue17_CollectionCreatedAfterDraft_Returns201()
    {
        // Arrange: the draft names the collection before it exists, then someone creates it.
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        var id = await author.CreateWorkflowAsync("Later " + name, UsingCollection(name));
        await CollectionApi.CreateAsync(author, name);

        // Act
        var submit = await author.PostJsonAsync($"/api/workflows/{id}/versions");

        // Assert
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);
    }

    private static WorkflowDefinition UsingCollection(string name)
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes.Single(n => n.Id == "similar").Config["collection"] = name;
        return definition;
    }
}
