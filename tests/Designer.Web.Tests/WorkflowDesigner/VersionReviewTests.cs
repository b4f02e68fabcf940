using System.Security.Claims;
using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>The approver's view: the pending version's diff against the active one, on a read-only canvas.</summary>
public sealed class VersionReviewTests : UiTestContext
{
    [Fact]
    public async Task Render_PendingVersion_ShowsDiffAgainstActiveOnCanvas()
    {
        // Arrange: v1 active, v2 changes the model's threshold and adds an end node.
        var id = await SeedWorkflowAsync("author-1");
        var versions = new VersionService(AppServices.GetRequiredService<IWorkflowStore>(), new WorkflowValidator());
        var workflows = new WorkflowService(AppServices.GetRequiredService<IWorkflowStore>(), new WorkflowValidator());
        await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None);
        await versions.ApproveAsync(Principal("approver-9", "approver"), id, 1, null, CancellationToken.None);
        var draft = (await workflows.GetDraftAsync(id, CancellationToken.None)).Value!;
        var changed = draft.Definition!;
        changed.Nodes.Single(n => n.Id == "risk").Config["minConfidence"] = 0.95;
        await workflows.SaveDraftAsync(Principal("author-1", "author"), id, WorkflowJson.Serialize(changed), draft.ETag, CancellationToken.None);
        await versions.SubmitAsync(Principal("author-1", "author"), id, null, CancellationToken.None);
        SignIn("approver-1", "approver");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<WorkflowVersionsPage>(c => c.Add(x => x.Id, id)));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "setDiff"));
        var setDiff = JSInterop.Invocations.Last(i => i.Identifier == "setDiff");
        var nodes = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(setDiff.Arguments[0]);
        Assert.Equal(DiffCanvas.Changed, nodes["risk"]);
        Assert.Equal("2", cut.Find("[data-testid=diff-view]").GetAttribute("data-version"));
        Assert.Contains("config.minConfidence", cut.Find("[data-testid=diff-changed][data-node-id=risk]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=approve-2]"));
    }

    private static ClaimsPrincipal Principal(string id, string role) => new(new ClaimsIdentity(
        [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, $"{id}@demo.local"), new(ClaimTypes.Role, role)], "test"));
}
