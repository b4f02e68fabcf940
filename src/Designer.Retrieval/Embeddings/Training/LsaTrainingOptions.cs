using System.ComponentModel.DataAnnotations;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>How the project's default embedding model (LSA) is trained; bound from <c>Designer:Retrieval:Lsa</c>.</summary>
/// <remarks>
/// Defaults: 64 dimensions, terms in at least 2 documents and any share of them, singular-value power 1, unit term
/// vectors, 4 power iterations, 16 extra sketch columns, seed 17. The dimensions, power and unit term vectors were
/// chosen on the paraphrase benchmark (docs/benchmarks.md): 64 beat 32, 128 and 256.
/// </remarks>
public sealed class LsaTrainingOptions
{
    /// <summary>
    /// The dense weight of hybrid search for collections on an LSA model (unless the collection, node or search sets
    /// one); 0.15 by default, chosen on the train splits of banking77 and CLINC150 (docs/benchmarks.md): a corpus-trained
    /// LSA on text unlike its training corpus is far weaker than BM25, so keywords lead and LSA breaks ties.
    /// </summary>
    [Range(0.0, 1.0)]
    public double HybridDenseWeight { get; set; } = 0.15;

    /// <summary>Embedding length (capped by the corpus: at most min(documents, terms)); 192 by default.</summary>
    [Range(2, 1024)]
    public int Dimensions { get; set; } = 64;

    /// <summary>Terms seen in fewer documents are left out of the vocabulary; 2 by default.</summary>
    [Range(1, 1000)]
    public int MinDocumentFrequency { get; set; } = 2;

    /// <summary>
    /// Terms in more than this share of the documents are left out (greetings, currencies, "charged"): they say little
    /// about what a text is about and can spend dimensions on boilerplate; 1 (keep all) by default: on the dispute corpus any cut lowered paraphrase recall.
    /// </summary>
    [Range(0.001, 1.0)]
    public double MaxDocumentShare { get; set; } = 1.0;

    /// <summary>
    /// Each dimension is scaled by its singular value to this power: 0 keeps the plain projection (every concept
    /// weighs the same, close to keyword matching), 1 weighs concepts by how much of the corpus they explain
    /// (smoother, more synonym-tolerant); 1 by default.
    /// </summary>
    [Range(0.0, 2.0)]
    public double SingularValuePower { get; set; } = 1.0;

    /// <summary>
    /// Whether each term's concept vector is scaled to unit length, so a text's embedding is the tf-idf-weighted sum
    /// of its terms' directions: rare, telling terms ("espresso") keep their weight instead of shrinking with their
    /// small share of the corpus variance; true by default.
    /// </summary>
    public bool UnitTermVectors { get; set; } = true;

    /// <summary>Power iterations of the randomized SVD (more = more accurate tail); 4 by default.</summary>
    [Range(0, 20)]
    public int PowerIterations { get; set; } = 4;

    /// <summary>Extra sketch columns beyond <see cref="Dimensions"/>; 16 by default.</summary>
    [Range(0, 256)]
    public int Oversampling { get; set; } = 16;

    /// <summary>Seed of the random sketch, so the same corpus always trains the same model; 17 by default.</summary>
    public int Seed { get; set; } = 17;
}
