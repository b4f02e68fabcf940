using Designer.Web.Api;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Collections;

/// <summary>
/// Issue 14 governance: a collection that a published workflow version retrieves from cannot be deleted or
/// re-embedded, since either would change what an approved version does without a new approval. Answers 409 naming
/// the versions; retire or replace them first.
/// </summary>
internal static class CollectionUsageGuard
{
    private const int PageSize = 200;

    public static async Task<ProblemHttpResult?> RefuseIfPublishedAsync(IWorkflowStore store, string collection, string action, CancellationToken cancellationToken) =>
        await RefusalAsync(store, collection, action, cancellationToken) is { } refusal ? ApiResults.Problem(OperationError.Conflict(refusal)) : null;

    /// <summary>Why <paramref name="action"/> is refused (the same rule for the API and the Collections page), or <see langword="null"/>.</summary>
    public static async Task<string?> RefusalAsync(IWorkflowStore store, string collection, string action, CancellationToken cancellationToken)
    {
        var users = await PublishedUsersAsync(store, collection, cancellationToken);
        return users.Count == 0
            ? null
            : $"Collection '{collection}' is used by published workflow versions ({string.Join(", ", users.Take(10))}); it cannot be {action} while they use it.";
    }

    private static async Task<List<string>> PublishedUsersAsync(IWorkflowStore store, string collection, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        for (var page = 1; ; page++)
        {
            var workflows = await store.ListWorkflowsAsync(page, PageSize, null, cancellationToken);
            foreach (var workflow in workflows.Items.Where(w => w.LatestVersion is not null))
            {
                for (var versionPage = 1; ; versionPage++)
                {
                    var versions = await store.ListVersionsAsync(workflow.Id, versionPage, PageSize, cancellationToken);
                    foreach (var summary in versions.Items.Where(v => v.Status == VersionStatus.Published))
                    {
                        if (await store.GetVersionAsync(workflow.Id, summary.Number, cancellationToken) is { } version && Uses(version, collection))
                        {
                            users.Add($"{workflow.Name} v{version.Number}");
                        }
                    }

                    if ((long)versionPage * PageSize >= versions.Total)
                    {
                        break;
                    }
                }
            }

            if ((long)page * PageSize >= workflows.Total)
            {
                return users;
            }
        }
    }

    private static bool Uses(VersionRecord version, string collection)
    {
        var parsed = WorkflowJson.Parse(version.CanonicalJson);
        return parsed.IsWellFormed && parsed.Definition!.Nodes.Any(n =>
            n.Kind == NodeKinds.Retrieval
            && n.Config["collection"] is System.Text.Json.Nodes.JsonValue value
            && value.TryGetValue<string>(out var name)
            && string.Equals(name, collection, StringComparison.Ordinal));
    }
}
