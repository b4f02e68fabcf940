namespace Designer.Retrieval.Indexes;

/// <summary>How hybrid search fuses its dense and lexical lists.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion, k = 60 (<see cref="ReciprocalRankFusion"/>).</summary>
    Rrf,

    /// <summary>Weighted sum of min-max normalised scores (<see cref="WeightedScoreFusion"/>).</summary>
    Weighted,
}
