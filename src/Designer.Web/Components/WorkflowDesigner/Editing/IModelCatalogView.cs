namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// The approved models, as the designer's model picker sees them. Bound to the model registry by the host; when no
/// implementation is registered the picker falls back to free-text id and version fields.
/// </summary>
public interface IModelCatalogView
{
    /// <summary>List approved async.</summary>
    Task<IReadOnlyList<ModelVersionRef>> ListApprovedAsync(CancellationToken cancellationToken);
}
