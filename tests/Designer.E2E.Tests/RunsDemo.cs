using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>
/// The demo's dispute triage without its retrieval node (start → dispute-risk model → policy → analyst gate → end),
/// published through the API, and helpers for the run pages.
/// </summary>
internal static class RunsDemo
{
    public static WorkflowDefinition Definition()
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Name = "Dispute triage (no retrieval)";
        definition.Nodes = [.. definition.Nodes.Where(n => n.Id != "similar")];
        definition.Nodes.Single(n => n.Id == "risk").Config["inputMapping"]!["similarDisputes"] = "0";

        // The draft step's prompt reads the removed retrieval node; a template may only read upstream nodes (issue 12).
        definition.Nodes.Single(n => n.Id == "draft").Config["promptTemplate"] = "Dispute: {{input.category}}, risk {{nodes.risk.score}}.";
        definition.Edges =
        [
            .. definition.Edges.Where(e => e.From.Node is not ("start" or "similar")),
            new EdgeDefinition { Id = "e1", From = new PortRef("start", "next"), To = new PortRef("risk", "in") },
        ];
        return definition;
    }

    /// <summary>Creates, submits and approves the workflow; returns its id.</summary>
    public static async Task<Guid> PublishAsync(Uri app)
    {
        using var author = await DemoApi.ClientAsync(app, "author");
        using var approver = await DemoApi.ClientAsync(app, "approver");
        var created = await author.PostAsJsonAsync("/api/workflows", new JsonObject
        {
            ["name"] = Definition().Name,
            ["definition"] = JsonNode.Parse(WorkflowJson.Serialize(Definition())),
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await author.PostAsync($"/api/workflows/{id}/versions", null)).EnsureSuccessStatusCode();
        (await approver.PostAsync($"/api/workflows/{id}/versions/1/approve", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A node on the run page's canvas in a given run status.</summary>
    public static async Task WaitForNodeAsync(this IPage page, string nodeId, string status)
    {
        try
        {
            await page.WaitForSelectorAsync($"[data-canvas-surface] g[data-cell-id=\"{nodeId}\"][data-run-status=\"{status}\"]", new() { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException e)
        {
            // Say whether the run or the paint fell behind: the run's status, the node list (from the trace) and the canvas.
            var run = await page.GetAttributeAsync("[data-testid=run-detail]", "data-run-status", new() { Timeout = 5_000 });
            var listed = await page.InnerTextAsync("[data-testid=node-statuses]", new() { Timeout = 5_000 });
            var painted = await page.GetAttributeAsync($"[data-canvas-surface] g[data-cell-id=\"{nodeId}\"]", "data-run-status", new() { Timeout = 5_000 });
            throw new TimeoutException($"{nodeId} never painted {status}: run {run}, canvas {painted ?? "unpainted"}, trace: {listed.ReplaceLineEndings(" | ")}", e);
        }
    }

    /// <summary>Turns on the canvas's paint log (off in production) for every document this page loads from now on.</summary>
    public static Task RecordPaintsAsync(this IPage page) => page.AddInitScriptAsync("window.__designerPaints = [];");

    /// <summary>Every setRunStatus the page has painted since <see cref="RecordPaintsAsync"/>: node, status, and for pushed events the commit-to-frame delay.</summary>
    public static async Task<IReadOnlyList<Paint>> PaintsAsync(this IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<Paint[]>(
            await page.EvaluateAsync<string>("() => JSON.stringify(window.__designerPaints ?? [])"), System.Text.Json.JsonSerializerOptions.Web)!;

    internal sealed record Paint(string NodeId, string Status, double? Ms);
}
