using Designer.Inference.ChatModels;
using Designer.Inference.Registry;

namespace Designer.Web.Models;

/// <summary>
/// Lets the workflow validator check model references against the registry: a pinned version counts only when it
/// is Approved, an unpinned reference only when some version is. Collections are unknown (null) until the
/// retrieval module provides a registry.
/// </summary>
internal sealed class ModelRegistryReferenceResolver(IModelRegistry registry, IChatModelRegistry chatModels, Actions.ActionConnectionCatalog actions) : IWorkflowReferenceResolver
{
    public bool? ModelExists(string model, int? version)
    {
        // The validator is synchronous; the file registry caches descriptors, so this is a cheap, bounded wait.
        // Task.Run keeps a Blazor circuit's synchronisation context out of the registry's continuations.
        var versions = Task.Run(() => registry.ListAsync(CancellationToken.None)).GetAwaiter().GetResult();
        return versions.Any(d => string.Equals(d.Id, model, StringComparison.Ordinal)
            && d.Status == ModelStatus.Approved
            && (version is null || d.Version == version));
    }

    public bool? CollectionExists(string name) => null;

    /// <summary>
    /// Chat models: unknown (null) when this installation has no version of the id at all, so portable definitions
    /// such as the seeded demo validate and degrade at run time with "no chat model configured"; false when versions
    /// exist but none (or not the pinned one) is approved, which is the governance case.
    /// </summary>
    public bool? ChatModelExists(string model, int? version)
    {
        var versions = Task.Run(() => chatModels.ListAsync(CancellationToken.None)).GetAwaiter().GetResult()
            .Where(v => string.Equals(v.Id, model, StringComparison.Ordinal)).ToList();
        if (versions.Count == 0)
        {
            return null;
        }

        return versions.Any(v => v.Status == ModelStatus.Approved && (version is null || v.Version == version));
    }

    /// <summary>Action connections live in configuration, so the answer is always known (issue 16).</summary>
    public bool? ActionConnectionExists(string name) => actions.Exists(name);
}
