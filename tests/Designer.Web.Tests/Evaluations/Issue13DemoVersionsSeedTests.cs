using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Designer.Workflows.Diff;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Evaluations;

/// <summary>
/// Issue 13, item 6: the demo is seeded with v1 published and active and the stricter v2 pending approval by the demo
/// author, so an approver can evaluate v2 against v1 at once; a restart on the same database seeds nothing more.
/// </summary>
public abstract class Issue13DemoVersionsSeedTests
{
    protected abstract Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync();

    [Fact]
    public async Task SeedDemo_Issue13_SeedVersions_V1ActiveAndStricterV2PendingByAuthor()
    {
        // Arrange
        var (first, _) = await CreateFactoriesAsync();
        await using (first)
        {
            var store = first.Services.GetRequiredService<IWorkflowStore>();

            // Act
            var workflow = Assert.Single((await store.ListWorkflowsAsync(1, 10, "Dispute triage", CancellationToken.None)).Items, w => w.Name == "Dispute triage");
            var versions = (await store.ListVersionsAsync(workflow.Id, 1, 10, CancellationToken.None)).Items.OrderBy(v => v.Number).ToArray();
            var v1 = (await store.GetVersionAsync(workflow.Id, 1, CancellationToken.None))!;
            var v2 = (await store.GetVersionAsync(workflow.Id, 2, CancellationToken.None))!;

            // Assert
            Assert.Equal([1, 2], versions.Select(v => v.Number));
            Assert.Equal(1, (await store.GetWorkflowAsync(workflow.Id, CancellationToken.None))!.ActiveVersion);
            Assert.Equal(VersionStatus.Published, v1.Status);
            Assert.True(v1.IsActive);
            Assert.Equal("approver@demo.local", v1.ReviewedByName);
            Assert.Equal(VersionStatus.PendingApproval, v2.Status);
            Assert.Equal("author@demo.local", v2.AuthorName);
            var before = WorkflowJson.Parse(v1.CanonicalJson).Definition!;
            var after = WorkflowJson.Parse(v2.CanonicalJson).Definition!;
            Assert.Equal("nodes.risk.score > 0.7", HighRisk(before));
            Assert.Equal("nodes.risk.score > 0.16", HighRisk(after));
            var diff = WorkflowDiff.Compute(before, after);
            Assert.Equal(["policy"], diff.NodesChanged.Select(n => n.Id));
            Assert.Empty(diff.NodesAdded);
            Assert.Empty(diff.NodesRemoved);
            Assert.Empty(diff.EdgesAdded);
            Assert.Empty(diff.EdgesRemoved);
        }
    }

    private static string HighRisk(WorkflowDefinition definition) =>
        definition.Nodes.Single(n => n.Id == "policy").Config["rules"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == "high-risk")!["expression"]!.GetValue<string>();

    [Fact]
    public async Task SeedDemo_Issue13_Restart_SeedsNoFurtherVersion()
    {
        // Arrange: the first start seeds; the second starts on the same database.
        var (first, createSecond) = await CreateFactoriesAsync();
        Guid id;
        await using (first)
        {
            var store = first.Services.GetRequiredService<IWorkflowStore>();
            id = (await store.ListWorkflowsAsync(1, 10, "Dispute triage", CancellationToken.None)).Items.Single(w => w.Name == "Dispute triage").Id;
        }

        // Act
        await using var second = createSecond();
        var again = second.Services.GetRequiredService<IWorkflowStore>();
        var workflows = (await again.ListWorkflowsAsync(1, 10, "Dispute triage", CancellationToken.None)).Items;
        var versions = await again.ListVersionsAsync(id, 1, 10, CancellationToken.None);

        // Assert
        Assert.Single(workflows, w => w.Name == "Dispute triage");
        Assert.Equal(2, versions.Total);
        Assert.Equal(1, (await again.GetWorkflowAsync(id, CancellationToken.None))!.ActiveVersion);
    }
}
