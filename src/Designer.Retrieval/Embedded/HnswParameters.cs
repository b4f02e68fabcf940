namespace Designer.Retrieval.Embedded;

/// <summary>HNSW construction parameters (Malkov &amp; Yashunin, 2018).</summary>
/// <param name="M">Links per node on upper layers; layer 0 keeps 2·M. 16 is the common default for 100–1000-d embeddings.</param>
/// <param name="EfConstruction">Beam width while inserting; higher builds a better graph, more slowly.</param>
/// <param name="Seed">Seeds the level generator, so a build is reproducible.</param>
public sealed record HnswParameters(int M = 16, int EfConstruction = 200, int Seed = 42)
{
    /// <summary>Throws when a parameter is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(M, 2, nameof(M));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfConstruction, 1, nameof(EfConstruction));
    }
}
