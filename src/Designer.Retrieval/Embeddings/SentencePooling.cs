using System.Numerics.Tensors;

namespace Designer.Retrieval.Embeddings;

/// <summary>Pools a [batch, sequence, hidden] token tensor into one vector per row.</summary>
internal static class SentencePooling
{
    public static float[] Pool(ReadOnlySpan<float> hidden, int row, int sequence, int size, ReadOnlySpan<long> mask, EmbeddingPooling pooling, bool normalize)
    {
        var result = new float[size];
        var rowStart = row * sequence * size;
        if (pooling == EmbeddingPooling.Cls)
        {
            hidden.Slice(rowStart, size).CopyTo(result);
        }
        else
        {
            var tokens = 0;
            for (var t = 0; t < sequence; t++)
            {
                if (mask[(row * sequence) + t] != 0)
                {
                    TensorPrimitives.Add(result, hidden.Slice(rowStart + (t * size), size), result);
                    tokens++;
                }
            }

            if (tokens > 0)
            {
                TensorPrimitives.Divide(result, tokens, result);
            }
        }

        if (normalize)
        {
            var norm = TensorPrimitives.Norm(result);
            if (norm > 0f)
            {
                TensorPrimitives.Divide(result, norm, result);
            }
        }

        return result;
    }
}
