using System.Numerics.Tensors;
using Designer.Inference.Registry;

namespace Designer.Inference.Text;

/// <summary>Pools a [batch, sequence, hidden] token tensor into one vector per row.</summary>
public static class TokenPoolingMath
{
    /// <summary>Pools row <paramref name="row"/>.</summary>
    /// <param name="hidden">The token vectors, row-major [batch, sequence, size].</param>
    /// <param name="sequence">The padded sequence length.</param>
    /// <param name="size">The hidden size.</param>
    /// <param name="mask">The attention mask, [batch, sequence].</param>
    /// <param name="pooling">Mean over masked tokens, or the [CLS] vector.</param>
    /// <param name="normalize">Whether to L2-normalise.</param>
    /// <returns>The sentence vector.</returns>
    public static float[] Pool(ReadOnlySpan<float> hidden, int row, int sequence, int size, ReadOnlySpan<long> mask, TokenPooling pooling, bool normalize)
    {
        var result = new float[size];
        var rowStart = row * sequence * size;
        if (pooling == TokenPooling.Cls)
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
