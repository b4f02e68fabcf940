namespace Designer.Inference.Onnx;

/// <summary>
/// Ready-made ONNX models. Every model has one float input named <see cref="InputName"/> of shape
/// [batch, features] with a dynamic batch dimension.
/// </summary>
public static class OnnxModelFactory
{
    /// <summary>The input tensor name of every factory model.</summary>
    public const string InputName = "input";

    /// <summary>The output of models without a softmax: raw scores [batch, outputs].</summary>
    public const string ScoresOutput = "scores";

    /// <summary>The output of classifiers: class probabilities [batch, classes] summing to 1.</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>A linear model <c>scores = input · W + b</c> (MatMul + Add).</summary>
    /// <param name="layer">Weights and bias.</param>
    public static byte[] Linear(DenseLayer layer) => Mlp([layer], softmax: false);

    /// <summary>
    /// A multi-layer perceptron: MatMul + Add per layer, Relu between layers, and an optional Softmax at the end
    /// (output <see cref="ProbabilitiesOutput"/>; otherwise <see cref="ScoresOutput"/>).
    /// </summary>
    /// <param name="layers">Layers in order; each layer's inputs must equal the previous layer's outputs.</param>
    /// <param name="softmax">Whether to end with a Softmax over the last axis.</param>
    public static byte[] Mlp(IReadOnlyList<DenseLayer> layers, bool softmax)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("At least one layer is required.", nameof(layers));
        }

        var builder = new OnnxGraphBuilder(softmax ? "mlp_classifier" : "mlp")
            .Input(InputName, OnnxDimension.Batch, OnnxDimension.Fixed(layers[0].Inputs));
        var current = InputName;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            layer.Validate();
            if (i > 0 && layers[i - 1].Outputs != layer.Inputs)
            {
                throw new ArgumentException($"Layer {i} expects {layer.Inputs} inputs but the previous layer has {layers[i - 1].Outputs}.", nameof(layers));
            }

            var isLast = i == layers.Count - 1;
            builder.Initializer($"w{i}", [layer.Inputs, layer.Outputs], layer.Weights)
                .Initializer($"b{i}", [layer.Outputs], layer.Bias)
                .MatMul(current, $"w{i}", $"mm{i}");
            var sum = isLast && !softmax ? ScoresOutput : isLast ? "logits" : $"z{i}";
            builder.Add($"mm{i}", $"b{i}", sum);
            current = sum;
            if (!isLast)
            {
                builder.Relu(sum, $"h{i}");
                current = $"h{i}";
            }
        }

        var outputName = softmax ? ProbabilitiesOutput : ScoresOutput;
        if (softmax)
        {
            builder.Softmax(current, ProbabilitiesOutput);
        }

        return builder.Output(outputName, OnnxDimension.Batch, OnnxDimension.Fixed(layers[^1].Outputs)).Build();
    }

    /// <summary>
    /// A binary logistic regression with output <see cref="ProbabilitiesOutput"/> [batch, 2] =
    /// [P(negative), P(positive)]. It is written as a two-class softmax over logits [0, s·(x·w + b) + o], which
    /// equals [1 − σ, σ] exactly, with the Platt calibration folded into the weights.
    /// </summary>
    /// <param name="weights">One weight per input feature.</param>
    /// <param name="bias">Intercept.</param>
    /// <param name="calibration">Platt scaling applied to the logit.</param>
    public static byte[] LogisticRegression(ReadOnlySpan<float> weights, float bias, PlattCalibration calibration)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        var features = weights.Length;
        var matrix = new float[features * 2];
        for (var i = 0; i < features; i++)
        {
            matrix[(i * 2) + 1] = calibration.Scale * weights[i];
        }

        float[] twoClassBias = [0f, (calibration.Scale * bias) + calibration.Offset];
        return Mlp([new DenseLayer(features, 2, matrix, twoClassBias)], softmax: true);
    }
}
