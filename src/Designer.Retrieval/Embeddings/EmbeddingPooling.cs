namespace Designer.Retrieval.Embeddings;

/// <summary>How token vectors become one sentence vector.</summary>
public enum EmbeddingPooling
{
    /// <summary>Mean of the token vectors weighted by the attention mask (all-MiniLM-L6-v2, E5).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (BGE).</summary>
    Cls,
}
