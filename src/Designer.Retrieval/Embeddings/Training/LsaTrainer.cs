using System.Globalization;
using System.Numerics.Tensors;
using Designer.Inference.Onnx;
using Designer.Inference.Text;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>
/// Trains latent semantic analysis on a corpus: <see cref="TextTokenizer"/> terms, sublinear tf × smoothed idf rows
/// (L2-normalised), and a truncated SVD whose right singular vectors become the projection. The numeric half —
/// weighting, projection, normalisation — is written as ONNX, so the model is served like every other model.
/// </summary>
public static class LsaTrainer
{
    /// <summary>Trains on <paramref name="corpus"/>.</summary>
    /// <param name="options">Training settings.</param>
    /// <param name="cancellationToken">Checked between phases.</param>
    /// <exception cref="ArgumentException">The corpus has fewer than 2 documents or no term seen often enough.</exception>
    public static TrainedLsaModel Train(IReadOnlyList<string> corpus, LsaTrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        if (corpus.Count < 2)
        {
            throw new ArgumentException("LSA needs at least 2 documents.", nameof(corpus));
        }

        var documents = corpus.Select(TextTokenizer.Tokenize).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in documents)
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        var maxFrequency = Math.Max(options.MinDocumentFrequency, (int)(options.MaxDocumentShare * corpus.Count));
        var vocabulary = frequency.Where(f => f.Value >= options.MinDocumentFrequency && f.Value <= maxFrequency).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        if (vocabulary.Count < 2)
        {
            throw new ArgumentException($"Fewer than 2 terms occur in {options.MinDocumentFrequency}+ documents; the corpus is too small.", nameof(corpus));
        }

        var encoder = new TermCountEncoder(vocabulary);
        var idf = vocabulary.Select(t => (float)(Math.Log((1.0 + corpus.Count) / (1.0 + frequency[t])) + 1.0)).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var rows = corpus.Select(text => WeightedRow(encoder.Encode(text, out _), idf)).ToList();
        var matrix = new SparseRows(vocabulary.Count, rows);
        var (projection, singular) = RandomizedSvd.Compute(matrix, options.Dimensions, options.Oversampling, options.PowerIterations, options.Seed);
        var dimensions = singular.Length;
        ScaleTermVectors(projection, singular, options);
        cancellationToken.ThrowIfCancellationRequested();

        // Rows are unit vectors, so the total energy (squared Frobenius norm) is the number of non-empty rows.
        var energy = rows.Count(r => r.Count > 0);
        var kept = singular.Sum(s => s * s);
        var metadata = new Dictionary<string, string>(encoder.ToMetadata(), StringComparer.Ordinal)
        {
            ["designer.embedding.method"] = "lsa",
            ["designer.embedding.dimensions"] = dimensions.ToString(CultureInfo.InvariantCulture),
        };
        var model = OnnxModelFactory.TermProjectionEmbedding(idf, projection, dimensions, metadata, TermCountEncoder.InputName);
        return new TrainedLsaModel(model, dimensions, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["documents"] = corpus.Count,
            ["terms"] = vocabulary.Count,
            ["dimensions"] = dimensions,
            ["explainedEnergy"] = energy == 0 ? 0 : Math.Round(kept / energy, 4),
        });
    }

    /// <summary>Row t of the projection is term t's concept vector: scaled by σ^power, then optionally to unit length.</summary>
    private static void ScaleTermVectors(float[] projection, double[] singular, LsaTrainingOptions options)
    {
        var dimensions = singular.Length;
        var scale = singular.Select(s => (float)Math.Pow(s, options.SingularValuePower)).ToArray();
        for (var start = 0; start < projection.Length; start += dimensions)
        {
            var row = projection.AsSpan(start, dimensions);
            TensorPrimitives.Multiply(row, scale, row);
            var norm = TensorPrimitives.Norm(row);
            if (options.UnitTermVectors && norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private static List<(int Column, float Value)> WeightedRow(float[] counts, float[] idf)
    {
        var row = new List<(int Column, float Value)>();
        var sumSquares = 0.0;
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] > 0)
            {
                var value = (1f + MathF.Log(counts[t])) * idf[t];
                row.Add((t, value));
                sumSquares += value * value;
            }
        }

        var norm = (float)Math.Sqrt(sumSquares);
        return norm == 0 ? row : row.Select(e => (e.Column, e.Value / norm)).ToList();
    }
}
