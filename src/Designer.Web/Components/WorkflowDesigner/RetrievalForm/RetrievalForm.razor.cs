using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Retrieval: collection (picker when a collection catalogue is registered), query template, top k, score, mode,
/// dense weight of hybrid and payload filter. A filter that does not parse stays in the field with its problems and is not applied.
/// </summary>
public sealed partial class RetrievalForm : KindFormBase
{
    private const string FilterLabel = "Payload filter";
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

    private async Task SetFilterAsync(string? text)
    {
        _filterDraft = null;
        _filterError = null;
        await FieldProblemChanged.InvokeAsync((FilterLabel, null));
        if (string.IsNullOrWhiteSpace(text))
        {
            await SetAsync(Key.Filter, null);
            return;
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
            // The parser's own message names .NET types and byte offsets; say where, in the author's terms.
            problems.Add($"Not valid JSON (line {(ex.LineNumber ?? 0) + 1}, character {(ex.BytePositionInLine ?? 0) + 1}): check quotes, commas and brackets.");
        }

        if (problems.Count > 0)
        {
            _filterDraft = text;
            _filterError = string.Join(" ", problems);
            await FieldProblemChanged.InvokeAsync((FilterLabel, $"{_filterError} The previous filter is kept."));
            return;
        }

        await SetAsync(Key.Filter, filter);
    }

    private static class Key
    {
        public const string Collection = "collection";
        public const string QueryTemplate = "queryTemplate";
        public const string TopK = "topK";
        public const string MinScore = "minScore";
        public const string Mode = "mode";
        public const string Filter = "filter";
        public const string DenseWeight = "denseWeight";
    }
}
