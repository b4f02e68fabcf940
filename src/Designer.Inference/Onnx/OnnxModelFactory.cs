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

    /// <summary>The output of embedding models: L2-normalised vectors [batch, dimensions].</summary>
    public const string EmbeddingOutput = "embedding";

    /// <summary>
    /// A term-weighting projection embedding (LSA): input term counts <c>c</c> [batch, terms] named
    /// <paramref name="inputName"/>, output <see cref="EmbeddingOutput"/> = normalise(((1 + ln c)·[c &gt; 0] ⊙ idf) · P),
    /// i.e. sublinear tf, idf weighting, the projection and L2 normalisation (an all-zero row stays zero).
    /// </summary>
    /// <param name="idf">One weight per term.</param>
    /// <param name="projection">Row-major [terms, dimensions].</param>
    /// <param name="dimensions">Embedding length.</param>
    /// <param name="metadata">Model metadata (e.g. the vocabulary), stored in the file.</param>
    /// <param name="inputName">The input tensor name.</param>
    public static byte[] TermProjectionEmbedding(
        ReadOnlySpan<float> idf, ReadOnlySpan<float> projection, int dimensions, IReadOnlyDictionary<string, string> metadata, string inputName = InputName)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (idf.IsEmpty || projection.Length != idf.Length * dimensions)
        {
            throw new ArgumentException($"The projection must be [{idf.Length}, {dimensions}] to match the idf weights.", nameof(projection));
        }

        var terms = idf.Length;
        var builder = new OnnxGraphBuilder("term_projection_embedding")
            .Input(inputName, OnnxDimension.Batch, OnnxDimension.Fixed(terms))
            .Initializer("one", [1], [1f])
            .Initializer("epsilon", [1], [1e-12f])
            .Initializer("idf", [terms], idf)
            .Initializer("projection", [terms, dimensions], projection)
            .Sign(inputName, "present")
            .Max(inputName, "one", "at_least_one")
            .Log("at_least_one", "log_count")
            .Add("log_count", "one", "one_plus_log")
            .Mul("one_plus_log", "present", "tf")
            .Mul("tf", "idf", "tfidf")
            .MatMul("tfidf", "projection", "projected")
            .ReduceL2("projected", "norm")
            .Max("norm", "epsilon", "safe_norm")
            .Div("projected", "safe_norm", EmbeddingOutput);
        foreach (var (key, value) in metadata)
        {
            builder.Metadata(key, value);
        }

        return builder.Output(EmbeddingOutput, OnnxDimension.Batch, OnnxDimension.Fixed(dimensions)).Build();
    }
}
