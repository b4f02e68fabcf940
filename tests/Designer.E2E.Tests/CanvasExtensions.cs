using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>Canvas gestures by data-cell-id, the ids the canvas module gives X6 cells.</summary>
internal static class CanvasExtensions
{
    public static Task WaitForCanvasAsync(this IPage page) =>
        page.WaitForSelectorAsync("[data-testid=canvas][data-ready=true] g.x6-node", new() { State = WaitForSelectorState.Attached });

    public static ILocator Cell(this IPage page, string id) => page.Locator($"[data-canvas-surface] g[data-cell-id=\"{id}\"]");

    /// <summary>Drops a palette kind on the canvas and returns the new node's id.</summary>
    public static async Task<string> DropKindAsync(this IPage page, string kind, float x, float y)
    {
        var prefix = kind.ToLowerInvariant() + "-";
        var before = await page.Locator($"[data-canvas-surface] g.x6-node[data-cell-id^=\"{prefix}\"]").CountAsync();
        await page.DragAndDropAsync($"[data-palette-kind={kind}]", "[data-canvas-surface]", new() { TargetPosition = new() { X = x, Y = y } });
        var added = page.Locator($"[data-canvas-surface] g.x6-node[data-cell-id^=\"{prefix}\"]");
        await Assertions.Expect(added).ToHaveCountAsync(before + 1);
        return (await added.Nth(before).GetAttributeAsync("data-cell-id"))!;
    }

    /// <summary>Drags from an output port to a node's input port, as a person would.</summary>
    public static async Task ConnectAsync(this IPage page, string fromNode, string fromPort, string toNode)
    {
        var source = await Center(page.Locator($"[data-canvas-surface] g[data-cell-id=\"{fromNode}\"] [port=\"{fromPort}\"]"));
        var target = await Center(page.Locator($"[data-canvas-surface] g[data-cell-id=\"{toNode}\"] [port=\"in\"]"));
        await page.Mouse.MoveAsync(source.X, source.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X, target.Y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    public static async Task ClickCellAsync(this IPage page, string id)
    {
        var body = await Center(page.Locator($"[data-canvas-surface] g[data-cell-id=\"{id}\"] rect").First);
        await page.Mouse.ClickAsync(body.X, body.Y);
    }

    private static async Task<(float X, float Y)> Center(ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync())!;
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
