using Designer.Retrieval.Collections;
using Designer.Web.Components.WorkflowDesigner.Editing;

namespace Designer.Web.Collections;

/// <summary>The designer's collection picker, over the stored collections.</summary>
internal sealed class CollectionCatalogView(CollectionService collections) : ICollectionCatalogView
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await collections.ListAsync(cancellationToken)).Select(c => c.Name)];
}
