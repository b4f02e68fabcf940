using System.Text.Json.Nodes;

namespace Designer.Runtime.Retrieval;

/// <summary>One retrieval-node search.</summary>
/// <param name="Collection">Collection name.</param>
/// <param name="Query">Rendered query text.</param>
/// <param name="TopK">Number of hits wanted.</param>
/// <param name="MinScore">Hits below this score are dropped, if set.</param>
/// <param name="Filter">Payload filter, if any.</param>
/// <param name="Mode">dense, lexical or hybrid.</param>
/// <param name="IdempotencyKey">runId:nodeId:attempt, for caching and audit.</param>
/// <param name="DenseWeight">The node's dense weight of hybrid search, if it sets one.</param>
public sealed record VectorSearchRequest(
    string Collection,
    string Query,
    int TopK,
    double? MinScore,
    JsonObject? Filter,
    string Mode,
    string IdempotencyKey,
    double? DenseWeight = null);
