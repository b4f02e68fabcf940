using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Designer.E2E.Tests;

/// <summary>
/// The canvas gestures in a real browser: connection rules while dragging, rubber-band selection, delete, copy and
/// paste, keyboard undo/redo, auto-layout and the shortcuts dialog.
/// </summary>
public sealed class DesignerGesturesE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string Nodes = "[data-canvas-surface] g.x6-node";
    private const string Edges = "[data-canvas-surface] g.x6-edge";
    private readonly E2EApp _app = new();
    private Guid _workflowId;
    private IBrowserContext? _context;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Connect_ForbiddenGestures_AddNoEdgeAndAllowedOneAddsOne()
    {
        // Arrange
        var page = await OpenDemoDraftAsync();
        var surface = (await page.Locator("[data-canvas-surface]").BoundingBoxAsync())!;
        var policy = await page.DropKindAsync("policy", 120, surface.Height - 140);
        var model = await page.DropKindAsync("model", 420, surface.Height - 140);
        await page.Mouse.ClickAsync(surface.X + 10, surface.Y + 10);
        var edgesBefore = await page.Locator(Edges).CountAsync();

        // Act: a self loop, output to output, then a legal edge twice (the second a duplicate). An input port cannot
        // start an edge at all: it is a passive magnet, so dragging it moves its node.
        await page.ConnectAsync(policy, "pass", policy);
        await DragPortAsync(page, policy, "pass", model, "ok");
        var edgesAfterForbidden = await page.Locator(Edges).CountAsync();
        await page.ConnectAsync(policy, "pass", model);
        await Expect(page.Locator(Edges)).ToHaveCountAsync(edgesBefore + 1);
        await page.ConnectAsync(policy, "pass", model);
        await page.WaitForTimeoutAsync(300);

        // Assert
        Assert.Equal(edgesBefore, edgesAfterForbidden);
        Assert.Equal(edgesBefore + 1, await page.Locator(Edges).CountAsync());
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");
    }

    [Fact]
    public async Task RubberBand_DeleteThenKeyboardUndoRedo_RemovesRestoresRemoves()
    {
        // Arrange: two new nodes side by side in the empty lower band of the canvas.
        var page = await OpenDemoDraftAsync();
        var surface = (await page.Locator("[data-canvas-surface]").BoundingBoxAsync())!;
        var first = await page.DropKindAsync("end", 160, surface.Height - 110);
        var second = await page.DropKindAsync("end", 420, surface.Height - 110);
        var count = await page.Locator(Nodes).CountAsync();
        // The drops have made their round trip (delta, badges, autosave): a band begun within ~50 ms of the second
        // drop, while that was in flight, selected nothing in about a third of the runs (2026-11-24).
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");

        // Act: a rubber band from empty canvas around both (ending on empty canvas, clear of the minimap), Delete,
        // Ctrl+Z, Ctrl+Y.
        var last = (await page.Cell(second).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(surface.X + 20, surface.Y + surface.Height - 190);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(last.X + last.Width + 30, last.Y + last.Height + 30, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        var selected = await page.Locator(".x6-widget-selection-box").CountAsync();
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(Nodes)).ToHaveCountAsync(count - 2);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(Nodes)).ToHaveCountAsync(count);
        await page.Keyboard.PressAsync("Control+y");

        // Assert
        await Expect(page.Locator(Nodes)).ToHaveCountAsync(count - 2);
        Assert.Equal(2, selected);
        Assert.Equal(0, await page.Cell(first).CountAsync() + await page.Cell(second).CountAsync());
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");
    }

    [Fact]
    public async Task CopyPasteLayoutAndHelp_Keyboard_PastesCopyLaysOutAndListsShortcuts()
    {
        // Arrange
        var page = await OpenDemoDraftAsync();
        var count = await page.Locator(Nodes).CountAsync();
        await page.ClickCellAsync("risk");
        var before = await page.Cell("risk").GetAttributeAsync("transform");

        // Act
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Expect(page.Locator(Nodes)).ToHaveCountAsync(count + 1);
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");
        await page.ClickAsync("[data-testid=layout]");
        await Expect(page.Cell("risk")).Not.ToHaveAttributeAsync("transform", before!);
        var surface = (await page.Locator("[data-canvas-surface]").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(surface.X + 10, surface.Y + 10);
        await page.Keyboard.PressAsync("Shift+Slash");

        // Assert
        await Expect(page.Locator("[data-testid=shortcuts-dialog]")).ToContainTextAsync("Ctrl+Z");
        // The canvas renders only the cells in view (virtual rendering) and opens at a readable zoom, so the saved
        // draft, not the DOM, says whether the layout kept every node.
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");
        Assert.Equal(count + 1, await SavedNodeCountAsync());
    }

    [Fact]
    public async Task ExportSvg_LargeDraftPartlyOffScreen_ContainsEveryCell()
    {
        // Arrange: 300 nodes open at a readable zoom, so virtual rendering keeps most of them out of the DOM.
        session.RequireBrowser();
        var id = await DemoApi.CreateWorkflowAsync(_app.BaseAddress, LargeWorkflow.Create(300, 330));
        var page = await OpenDraftAsync(id);
        var inDom = await page.Locator("[data-canvas-surface] g[data-cell-id]").CountAsync();

        // Act
        await page.ClickAsync("[data-testid=export-menu] button");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-svg]"));
        var svg = await File.ReadAllTextAsync((await download.PathAsync())!);

        // Assert
        Assert.InRange(inDom, 1, 300);
        Assert.Equal(630, System.Text.RegularExpressions.Regex.Count(svg, "data-cell-id=\""));
        Assert.Equal(inDom, await page.Locator("[data-canvas-surface] g[data-cell-id]").CountAsync());
    }

    private async Task<IPage> OpenDemoDraftAsync()
    {
        session.RequireBrowser();
        using var client = await DemoApi.ClientAsync(_app.BaseAddress, "author");
        var list = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(client, "/api/workflows");
        _workflowId = list!["items"]![0]!["id"]!.GetValue<Guid>();
        return await OpenDraftAsync(_workflowId);
    }

    private async Task<int> SavedNodeCountAsync()
    {
        using var client = await DemoApi.ClientAsync(_app.BaseAddress, "author");
        var draft = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(client, $"/api/workflows/{_workflowId}/draft");
        return draft!["definition"]!["nodes"]!.AsArray().Count;
    }

    private async Task<IPage> OpenDraftAsync(Guid id)
    {
        var app = _app.BaseAddress;
        _context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await _context.NewPageAsync();
        await page.LogInAsync(app, "author");
        await page.GotoAsync(new Uri(app, $"/workflows/{id}/designer").ToString());
        await page.WaitForInteractiveAsync();
        await page.WaitForCanvasAsync();
        return page;
    }

    private static async Task DragPortAsync(IPage page, string fromNode, string fromPort, string toNode, string toPort)
    {
        var source = (await page.Locator($"[data-canvas-surface] g[data-cell-id=\"{fromNode}\"] [port=\"{fromPort}\"]").BoundingBoxAsync())!;
        var target = (await page.Locator($"[data-canvas-surface] g[data-cell-id=\"{toNode}\"] [port=\"{toPort}\"]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
