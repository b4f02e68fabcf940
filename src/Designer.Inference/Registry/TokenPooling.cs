namespace Designer.Inference.Registry;

/// <summary>How token vectors of a transformer become one sentence vector.</summary>
public enum TokenPooling
{
    /// <summary>Mean of the token vectors weighted by the attention mask (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (snowflake-arctic-embed, BGE).</summary>
    Cls,
}
