namespace Designer.Inference.Onnx;

/// <summary>One dimension of a tensor shape: either a fixed size or a symbolic name such as <c>batch</c>.</summary>
/// <param name="Size">The fixed size, or <see langword="null"/> for a symbolic dimension.</param>
/// <param name="Symbol">The symbolic name (ONNX <c>dim_param</c>), or <see langword="null"/> for a fixed one.</param>
public readonly record struct OnnxDimension(long? Size, string? Symbol)
{
    /// <summary>The dynamic batch dimension every model written by the project uses first.</summary>
    public static OnnxDimension Batch { get; } = Symbolic("batch");

    /// <summary>A dimension of fixed size.</summary>
    /// <param name="size">The size, at least 1.</param>
    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new OnnxDimension(size, null);
    }

    /// <summary>A named dynamic dimension (ONNX <c>dim_param</c>).</summary>
    /// <param name="symbol">The dimension name.</param>
    public static OnnxDimension Symbolic(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new OnnxDimension(null, symbol);
    }
}
