namespace Designer.Retrieval.Indexes;

/// <summary>The similarity an index ranks dense vectors by.</summary>
public enum VectorDistance
{
    /// <summary>Cosine similarity; vectors are L2-normalised on the way in, so it is computed as a dot product.</summary>
    Cosine,
}
