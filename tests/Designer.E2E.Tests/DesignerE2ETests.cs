using Designer.Workflows.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Designer.E2E.Tests;

/// <summary>The designer in a real browser: build on the canvas, autosave, submit, and an approver's visual diff.</summary>
public sealed class DesignerE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Designer_AuthorBuildsAndSubmitsApproverApprovesDiff_NewVersionActive()
    {
        // Arrange: the demo workflow is published as v1, so v2 is reviewed against it.
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var id = await DemoApi.PublishDemoAsync(app);
        await using var authorContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var author = await authorContext.NewPageAsync();
        await author.LogInAsync(app, "author");
        await author.GotoAsync(new Uri(app, $"/workflows/{id}/designer").ToString());
        await author.WaitForInteractiveAsync();
        await author.WaitForCanvasAsync();
        await author.ScreenshotAsync("designer-0-loaded");

        // Act: five kinds from the palette, wired into a chain from the start node to an existing end node.
        var surface = (await author.Locator("[data-canvas-surface]").BoundingBoxAsync())!;
        var kinds = new[] { "retrieval", "model", "policy", "humanGate", "condition" };
        var ids = new List<string>();
        for (var i = 0; i < kinds.Length; i++)
        {
            ids.Add(await author.DropKindAsync(kinds[i], 70 + (i * 130), surface.Height - 260));
        }

        var badgedBefore = await author.Cell(ids[0]).GetAttributeAsync("data-problems");

        // A click on the empty canvas clears the selection, whose box would otherwise sit over the last node's ports.
        await author.Mouse.ClickAsync(surface.X + 20, surface.Y + 20);
        await author.ConnectAsync("start", "next", ids[0]);
        await author.ConnectAsync(ids[0], "found", ids[1]);
        await author.ConnectAsync(ids[1], "ok", ids[2]);
        await author.ConnectAsync(ids[2], "pass", ids[3]);
        await author.ConnectAsync(ids[3], "approved", ids[4]);
        await author.ConnectAsync(ids[4], "else", "auto");

        await author.ClickCellAsync(ids[0]);
        // The picker lists the collections that exist (the app creates the demo's past-disputes, see E2EApp).
        await author.ClickAsync("[data-testid=collection]");
        await author.ClickAsync(".mud-popover-open .mud-list-item:has-text('past-disputes')");
        await FillAsync(author, "query-template", "{{ input.description }}");
        await Expect(author.Cell(ids[0])).ToHaveAttributeAsync("data-problems", "0");
        await author.ClickCellAsync(ids[1]);
        // The picker lists the registry's approved versions (the bootstrap dispute-risk v1).
        await author.ClickAsync("[data-testid=model-picker]");
        await author.ClickAsync(".mud-popover-open .mud-list-item:has-text('dispute-risk v1')");
        await author.ClickCellAsync(ids[2]);
        await author.ClickAsync("[data-testid=rule-add]");
        await author.ClickCellAsync(ids[4]);
        await FillAsync(author, "condition-expression", "input.amount > 100");
        await Expect(author.Locator("[data-testid=designer]")).ToHaveAttributeAsync("data-problem-count", "0");

        // Undo takes the condition's expression back (a config edit), redo restores it.
        await author.ClickAsync("[data-testid=undo]");
        await Expect(author.Cell(ids[4])).Not.ToHaveAttributeAsync("data-problems", "0");
        await Expect(author.Cell(ids[4])).ToContainTextAsync("no expression");
        await author.ClickAsync("[data-testid=redo]");
        await Expect(author.Cell(ids[4])).ToHaveAttributeAsync("data-problems", "0");
        await Expect(author.Cell(ids[4])).ToContainTextAsync("input.amount > 100");
        await Expect(author.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");
        await author.ScreenshotAsync("designer-1-canvas");

        await author.ReloadAsync();
        await author.WaitForInteractiveAsync();
        await author.WaitForCanvasAsync();
        var nodesAfterReload = await author.Locator("[data-canvas-surface] g.x6-node").CountAsync();
        var edgesAfterReload = await author.Locator("[data-canvas-surface] g.x6-edge").CountAsync();
        await author.ClickAsync("[data-testid=submit]");
        await Expect(author.Locator("[data-testid=history-version]")).ToHaveCountAsync(2);

        await using var approverContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1100 } });
        var approver = await approverContext.NewPageAsync();
        await approver.LogInAsync(app, "approver");
        await approver.GotoAsync(new Uri(app, $"/workflows/{id}/versions").ToString());
        await approver.WaitForInteractiveAsync();
        await approver.WaitForSelectorAsync("[data-testid=diff-view][data-version='2'] [data-diff=added]");
        var added = await approver.Locator("[data-testid=diff-view] [data-canvas-surface] g.x6-node[data-diff=added]").CountAsync();
        await approver.ScreenshotAsync("designer-2-diff");
        await approver.ClickAsync("[data-testid=approve-2]");
        await approver.ClickAsync("[data-testid=comment-ok]");
        await Expect(approver.Locator("[data-testid=version-status]").First).ToContainTextAsync("Published");

        // Assert
        Assert.NotEqual("0", badgedBefore);
        // In Development the demo is seeded with its refund action (issue 16), then five nodes and six edges were added.
        var seeded = DemoWorkflows.DisputeTriageWithRefund();
        Assert.Equal(seeded.Nodes.Count + 5, nodesAfterReload);
        Assert.Equal(seeded.Edges.Count + 6, edgesAfterReload);
        Assert.Equal(5, added);
        Assert.Contains("active", await approver.Locator("[data-testid=version-number]").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
