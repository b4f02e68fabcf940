using Designer.Inference.Registry;
using Designer.Inference.Text;

namespace Designer.Retrieval.Embeddings;

/// <summary>Pools a [batch, sequence, hidden] token tensor into one vector per row (the inference module's pooling).</summary>
internal static class SentencePooling
{
    public static float[] Pool(ReadOnlySpan<float> hidden, int row, int sequence, int size, ReadOnlySpan<long> mask, EmbeddingPooling pooling, bool normalize) =>
        TokenPoolingMath.Pool(hidden, row, sequence, size, mask, pooling == EmbeddingPooling.Cls ? TokenPooling.Cls : TokenPooling.Mean, normalize);
}
