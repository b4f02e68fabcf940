using Designer.Inference.Registry;
using Designer.Web.Components.WorkflowDesigner.Editing;

namespace Designer.Web.Models;

/// <summary>The designer's model picker over the model registry: Approved versions only, newest first per model.</summary>
internal sealed class RegistryModelCatalogView(IModelRegistry registry) : IModelCatalogView
{
    public async Task<IReadOnlyList<ModelVersionRef>> ListApprovedAsync(CancellationToken cancellationToken)
    {
        var versions = await registry.ListAsync(cancellationToken);
        return [.. versions
            .Where(d => d.Status == ModelStatus.Approved)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version)
            .Select(d => new ModelVersionRef(d.Id, d.Version))];
    }
}
