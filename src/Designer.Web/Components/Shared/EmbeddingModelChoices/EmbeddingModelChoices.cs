using Designer.Inference.Registry;

namespace Designer.Web.Components.Shared;

/// <summary>The embedding models a collection can use: the newest approved version of each, the configured default first.</summary>
internal static class EmbeddingModelChoices
{
    public static async Task<List<(string Id, string Label)>> ListAsync(IModelRegistry registry, string defaultModel, CancellationToken cancellationToken)
    {
        var approved = (await registry.ListAsync(cancellationToken))
            .Where(d => d.Kind == ModelKind.Embedding && d.Status == ModelStatus.Approved)
            .GroupBy(d => d.Id)
            .Select(g => g.MaxBy(d => d.Version)!)
            .OrderByDescending(d => d.Id == defaultModel)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var models = approved.Select(d => (d.Id, Label(d, defaultModel))).ToList();
        if (models.All(m => m.Id != defaultModel))
        {
            // Not registered yet (e.g. a trainable default before its first training): offer it anyway; the service says why it cannot be used.
            models.Insert(0, (defaultModel, $"{defaultModel} (default)"));
        }

        return models;
    }

    private static string Label(ModelDescriptor d, string defaultModel) =>
        $"{d.Id} v{d.Version}{(d.Id == defaultModel ? " (default)" : "")}{(d.TextEncoder is null ? " · trained here" : " · pretrained")}";
}
