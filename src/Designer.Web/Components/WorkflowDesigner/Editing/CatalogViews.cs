namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>An approved model version the model picker can offer.</summary>
public sealed record ModelVersionRef(string Id, int Version);

/// <summary>
/// The approved models, as the designer's model picker sees them. Bound to the model registry by the host; when no
/// implementation is registered the picker falls back to free-text id and version fields.
/// </summary>
public interface IModelCatalogView
{
    /// <summary>List approved async.</summary>
    Task<IReadOnlyList<ModelVersionRef>> ListApprovedAsync(CancellationToken cancellationToken);
}

/// <summary>The retrieval collections the collection picker can offer; free text when none is registered.</summary>
public interface ICollectionCatalogView
{
    /// <summary>The collection names the picker offers, in display order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
