using System.Numerics.Tensors;

namespace Designer.Retrieval.Indexes;

/// <summary>Vector helpers shared by the backends.</summary>
public static class VectorMath
{
    /// <summary>Returns an L2-normalised copy (a zero vector stays zero).</summary>
    /// <returns>A new array.</returns>
    public static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the vector's length differs from the index dimension.</summary>
    /// <param name="dimension">The expected length.</param>
    /// <param name="what">What the vector is, for the message.</param>
    public static void CheckDimension(float[]? vector, int dimension, string what)
    {
        ArgumentNullException.ThrowIfNull(vector, what);
        if (vector.Length != dimension)
        {
            throw new ArgumentException($"Dimension mismatch: {what} has {vector.Length} dimensions, the index expects {dimension}.", what);
        }
    }
}
