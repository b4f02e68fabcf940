using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>A test search against one collection: query, mode, top k and filter; hits with document, chunk and score.</summary>
public sealed partial class CollectionSearchPanel
{
    private string? _query;
    private string _mode = "hybrid";
    private int _topK = 5;
    private string? _filter;
    private bool _busy;
    private List<string> _problems = [];
    private IReadOnlyList<CollectionHit>? _hits;

    /// <summary>The collection to search.</summary>
    [Parameter, EditorRequired]
    public string Collection { get; set; } = string.Empty;

    [Inject]
    private CollectionService Collections { get; set; } = default!;

    private async Task SearchAsync()
    {
        _busy = true;
        _problems = [];
        _hits = null;
        try
        {
            JsonObject? filter = null;
            if (!string.IsNullOrWhiteSpace(_filter))
            {
                try
                {
                    filter = JsonNode.Parse(_filter) as JsonObject;
                }
                catch (JsonException ex)
                {
                    _problems.Add($"filter: not valid JSON: {ex.Message}");
                    return;
                }

                if (filter is null)
                {
                    _problems.Add("filter: must be a JSON object.");
                    return;
                }
            }

            var result = await Collections.SearchAsync(Collection, new CollectionQuery(_query ?? string.Empty, _topK, _mode, null, filter), CancellationToken.None);
            if (result.IsSuccess)
            {
                _hits = result.Value;
            }
            else
            {
                _problems = ProblemLines.Of(result.Error!);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
