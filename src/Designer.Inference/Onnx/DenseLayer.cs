namespace Designer.Inference.Onnx;

/// <summary>A fully connected layer <c>y = x · W + b</c>.</summary>
/// <param name="Inputs">Input width.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Weights">Row-major [<paramref name="Inputs"/>, <paramref name="Outputs"/>].</param>
/// <param name="Bias">Length <paramref name="Outputs"/>.</param>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weights, float[] Bias)
{
    /// <summary>Throws when the arrays do not match the declared widths.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Outputs, 1);
        if (Weights.Length != Inputs * Outputs || Bias.Length != Outputs)
        {
            throw new ArgumentException(
                $"Layer {Inputs}x{Outputs} needs {Inputs * Outputs} weights and {Outputs} biases, " +
                $"got {Weights.Length} and {Bias.Length}.");
        }
    }
}
