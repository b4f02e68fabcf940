using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Runtime.Retrieval;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>Renders the query, searches the collection and leaves through <c>found</c> or <c>empty</c>; hits are evidence.</summary>
public sealed class RetrievalExecutor : NodeExecutor
{
    private readonly RetrievalConfig _config;
    private readonly IVectorSearch _search;

    internal RetrievalExecutor(NodeDefinition node, RetrievalConfig config, IVectorSearch search, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
        _search = search;
    }

    private protected override async ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var query = Render(scope, _config.QueryTemplate, "queryTemplate");
        var request = new VectorSearchRequest(_config.Collection, query, _config.TopK, _config.MinScore, _config.Filter, _config.Mode, scope.IdempotencyKey, _config.DenseWeight);
        var hits = await _search.SearchAsync(request, cancellationToken);
        var kept = hits.Where(h => _config.MinScore is not { } min || h.Score >= min).Take(_config.TopK).ToList();

        var evidence = new JsonArray([.. kept.Select(h => (JsonNode?)new JsonObject
        {
            ["id"] = h.Id,
            ["chunk"] = h.Payload?["chunk"]?.DeepClone(),
            ["score"] = h.Score,
            ["text"] = h.Text,
            ["payload"] = h.Payload?.DeepClone(),
        })]);
        var output = new JsonObject { ["query"] = query, ["count"] = kept.Count, ["hits"] = evidence };
        return new NodeOutcome(kept.Count > 0 ? "found" : "empty", output)
        {
            Input = new JsonObject { ["collection"] = _config.Collection, ["query"] = query, ["topK"] = _config.TopK, ["mode"] = _config.Mode },
            Data = new JsonObject { ["evidence"] = evidence.DeepClone() },
        };
    }
}
