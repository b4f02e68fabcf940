using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Retrieval: collection (picker when a collection catalogue is registered), query template, top k, score, mode.</summary>
public sealed partial class RetrievalForm : KindFormBase
{
    private IReadOnlyList<string>? _collections;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService(typeof(ICollectionCatalogView)) is ICollectionCatalogView catalogue)
        {
            _collections = await catalogue.ListAsync(CancellationToken.None);
        }
    }

    private static class Key
    {
        public const string Collection = "collection";
        public const string QueryTemplate = "queryTemplate";
        public const string TopK = "topK";
        public const string MinScore = "minScore";
        public const string Mode = "mode";
    }
}
