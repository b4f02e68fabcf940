using System.ComponentModel.DataAnnotations;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>How the project's default embedding model (LSA) is trained; bound from <c>Designer:Retrieval:Lsa</c>.</summary>
/// <remarks>Defaults: 64 dimensions, terms in at least 2 documents, 4 power iterations, 16 extra sketch columns, seed 17.</remarks>
public sealed class LsaTrainingOptions
{
    /// <summary>Embedding length (capped by the corpus: at most min(documents, terms)); 192 by default.</summary>
    [Range(2, 1024)]
    public int Dimensions { get; set; } = 64;

    /// <summary>Terms seen in fewer documents are left out of the vocabulary; 2 by default.</summary>
    [Range(1, 1000)]
    public int MinDocumentFrequency { get; set; } = 2;

    /// <summary>Power iterations of the randomized SVD (more = more accurate tail); 4 by default.</summary>
    [Range(0, 20)]
    public int PowerIterations { get; set; } = 4;

    /// <summary>Extra sketch columns beyond <see cref="Dimensions"/>; 16 by default.</summary>
    [Range(0, 256)]
    public int Oversampling { get; set; } = 16;

    /// <summary>Seed of the random sketch, so the same corpus always trains the same model; 17 by default.</summary>
    public int Seed { get; set; } = 17;
}
