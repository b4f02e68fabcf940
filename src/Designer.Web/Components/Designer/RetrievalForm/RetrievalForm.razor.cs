using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Retrieval: collection (picker when a collection catalogue is registered), query template, top k, score, mode and
/// payload filter. A filter that does not parse stays in the field with its problems and is not applied.
/// </summary>
public sealed partial class RetrievalForm : KindFormBase
{
    private IReadOnlyList<string>? _collections;
    private string? _filterDraft;
    private string? _filterError;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private string? FilterText => _filterDraft ?? (Config[Key.Filter] as JsonObject)?.ToJsonString();

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService(typeof(ICollectionCatalogView)) is ICollectionCatalogView catalogue)
        {
            _collections = await catalogue.ListAsync(CancellationToken.None);
        }
    }

    private Task SetFilterAsync(string? text)
    {
        _filterDraft = null;
        _filterError = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return SetAsync(Key.Filter, null);
        }

        var problems = new List<string>();
        JsonObject? filter = null;
        try
        {
            filter = JsonNode.Parse(text) as JsonObject;
            if (filter is null)
            {
                problems.Add("The filter must be a JSON object.");
            }
            else
            {
                CollectionFilterJson.Parse(filter, problems);
            }
        }
        catch (JsonException ex)
        {
            problems.Add($"Not valid JSON: {ex.Message}");
        }

        if (problems.Count > 0)
        {
            _filterDraft = text;
            _filterError = string.Join(" ", problems);
            return Task.CompletedTask;
        }

        return SetAsync(Key.Filter, filter);
    }

    private static class Key
    {
        public const string Collection = "collection";
        public const string QueryTemplate = "queryTemplate";
        public const string TopK = "topK";
        public const string MinScore = "minScore";
        public const string Mode = "mode";
        public const string Filter = "filter";
    }
}
