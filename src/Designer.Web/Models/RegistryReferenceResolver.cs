using System.Collections.Concurrent;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;

namespace Designer.Web.Models;

/// <summary>
/// Lets the workflow validator check a definition's references against this installation: a pinned model version
/// counts only when it is Approved, an unpinned reference only when some version is; a retrieval collection must
/// exist, so a draft naming a collection that was never created (or was deleted) cannot be submitted.
/// </summary>
internal sealed class RegistryReferenceResolver(
    IModelRegistry registry, IChatModelRegistry chatModels, ICollectionStore collections, Actions.ActionConnectionCatalog actions, TimeProvider time) : IWorkflowReferenceResolver
{
    /// <summary>How long a collection seen to exist is trusted without a lookup (the designer validates on every edit).</summary>
    private static readonly TimeSpan ExistsFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool? ModelExists(string model, int? version)
    {
        // The validator is synchronous; the file registry caches descriptors, so this is a cheap, bounded wait.
        // Task.Run keeps a Blazor circuit's synchronisation context out of the registry's continuations.
        var versions = Task.Run(() => registry.ListAsync(CancellationToken.None)).GetAwaiter().GetResult();
        return versions.Any(d => string.Equals(d.Id, model, StringComparison.Ordinal)
            && d.Status == ModelStatus.Approved
            && (version is null || d.Version == version));
    }

    /// <summary>
    /// Known in every installation: collections are database rows. A collection still being filled counts, its
    /// documents arrive while the version is reviewed. Only existence is remembered (briefly), so a collection
    /// created a moment ago is found at once; one deleted is still accepted for a few seconds, and deleting one a
    /// published version uses is refused anyway.
    /// </summary>
    public bool? CollectionExists(string name)
    {
        var now = time.GetUtcNow();
        if (_seen.TryGetValue(name, out var until) && until > now)
        {
            return true;
        }

        var exists = Task.Run(() => collections.GetAsync(name, CancellationToken.None)).GetAwaiter().GetResult() is not null;
        if (exists)
        {
            _seen[name] = now + ExistsFor;
        }
        else
        {
            _seen.TryRemove(name, out _);
        }

        return exists;
    }

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
