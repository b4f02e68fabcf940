using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Embeddings.Evaluation;

/// <summary>Recall@k of one search mode over the paraphrase query set.</summary>
/// <param name="Name">dense, lexical, rrf (hybrid by rank fusion) or weighted (hybrid by weighted score fusion).</param>
/// <param name="Recall">Mean over queries of |relevant ∩ top-k| / min(k, |relevant|).</param>
/// <param name="PerQuery">Each query's recall, in query order.</param>
internal sealed record ModeRecall(string Name, SearchMode Mode, double Recall, IReadOnlyList<double> PerQuery);
