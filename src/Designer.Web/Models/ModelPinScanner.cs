namespace Designer.Web.Models;

/// <summary>Finds which published or pending workflow versions use which model versions, from their canonical JSON.</summary>
internal sealed class ModelPinScanner(IWorkflowStore store)
{
    private const int PageSize = 200;

    public async Task<IReadOnlyList<ModelPin>> ScanAsync(CancellationToken cancellationToken)
    {
        var pins = new List<ModelPin>();
        for (var page = 1; ; page++)
        {
            var workflows = await store.ListWorkflowsAsync(page, PageSize, null, cancellationToken);
            foreach (var workflow in workflows.Items.Where(w => w.LatestVersion is not null))
            {
                await ScanWorkflowAsync(workflow, pins, cancellationToken);
            }

            if ((long)page * PageSize >= workflows.Total)
            {
                return pins;
            }
        }
    }

    private async Task ScanWorkflowAsync(WorkflowSummary workflow, List<ModelPin> pins, CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var versions = await store.ListVersionsAsync(workflow.Id, page, PageSize, cancellationToken);
            foreach (var summary in versions.Items.Where(v => v.Status is VersionStatus.Published or VersionStatus.PendingApproval))
            {
                if (await store.GetVersionAsync(workflow.Id, summary.Number, cancellationToken) is { } version)
                {
                    pins.AddRange(PinsOf(workflow, version));
                }
            }

            if ((long)page * PageSize >= versions.Total)
            {
                return;
            }
        }
    }

    private static IEnumerable<ModelPin> PinsOf(WorkflowSummary workflow, VersionRecord version)
    {
        var parsed = WorkflowJson.Parse(version.CanonicalJson);
        if (!parsed.IsWellFormed)
        {
            yield break;
        }

        foreach (var node in parsed.Definition!.Nodes.Where(n => n.Kind == "model"))
        {
            foreach (var chat in ChatReferences(node.Config))
            {
                yield return new ModelPin(workflow.Id, workflow.Name, version.Number, version.Status, node.Id, chat.Id, chat.Version, Chat: true);
            }

            if (node.Config["model"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                continue;
            }

            var pinned = node.Config["modelVersion"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var number) ? number : (int?)null;
            yield return new ModelPin(workflow.Id, workflow.Name, version.Number, version.Status, node.Id, node.Config["model"]!.GetValue<string>(), pinned);
        }
    }

    private static IEnumerable<(string Id, int? Version)> ChatReferences(System.Text.Json.Nodes.JsonObject config)
    {
        var references = new List<System.Text.Json.Nodes.JsonNode?> { config["chatModel"] };
        references.AddRange(config["fallbackModels"] as System.Text.Json.Nodes.JsonArray ?? []);
        foreach (var reference in references.OfType<System.Text.Json.Nodes.JsonValue>())
        {
            if (reference.TryGetValue<string>(out var text)
                && Designer.Workflows.Validation.ChatModelReference.TryParse(text, out var id, out var number))
            {
                yield return (id, number);
            }
        }
    }
}
