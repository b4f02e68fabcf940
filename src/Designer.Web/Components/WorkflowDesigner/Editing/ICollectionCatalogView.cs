namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>The retrieval collections the collection picker can offer; free text when none is registered.</summary>
public interface ICollectionCatalogView
{
    /// <summary>The collection names the picker offers, in display order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
