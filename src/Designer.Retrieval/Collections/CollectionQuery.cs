using System.Text.Json.Nodes;

namespace Designer.Retrieval.Collections;

/// <summary>A search over one collection.</summary>
/// <param name="Query">The query text.</param>
/// <param name="TopK">Hits wanted (1–100).</param>
/// <param name="Mode">dense, lexical, hybrid (weighted score fusion) or rrf (reciprocal rank fusion).</param>
/// <param name="MinScore">Hits below this score are dropped.</param>
/// <param name="Filter">Payload filter JSON (see <see cref="CollectionFilterJson"/>).</param>
/// <param name="DenseWeight">The dense weight of hybrid in [0, 1]; when null the collection's, else the model's, else <c>Designer:Retrieval:HybridDenseWeight</c>.</param>
public sealed record CollectionQuery(
    string Query, int TopK = 5, string Mode = "hybrid", double? MinScore = null, JsonObject? Filter = null, double? DenseWeight = null);
