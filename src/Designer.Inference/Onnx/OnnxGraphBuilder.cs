using System.Buffers.Binary;

namespace Designer.Inference.Onnx;

/// <summary>
/// A small fluent builder for ONNX graphs in the default domain at opset 17. It emits a serialised
/// <c>ModelProto</c> that ONNX Runtime loads directly; no protobuf library is involved.
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly string _graphName;
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

    /// <summary>Starts a graph.</summary>
    /// <param name="graphName">The graph name stored in the model.</param>
    public OnnxGraphBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        _graphName = graphName;
    }

    /// <summary>Declares a float graph input.</summary>
    /// <param name="name">Tensor name.</param>
    /// <param name="shape">Shape, usually <c>[Batch, Fixed(n)]</c>.</param>
    public OnnxGraphBuilder Input(string name, params OnnxDimension[] shape)
    {
        _inputs.Add(new OnnxValueInfo(name, OnnxElementType.Float, shape));
        return this;
    }

    /// <summary>Declares a float graph output.</summary>
    /// <param name="name">Tensor name (must be produced by a node).</param>
    public OnnxGraphBuilder Output(string name, params OnnxDimension[] shape)
    {
        _outputs.Add(new OnnxValueInfo(name, OnnxElementType.Float, shape));
        return this;
    }

    /// <summary>Adds a float constant, row-major.</summary>
    /// <param name="name">Tensor name.</param>
    /// <param name="values">Values; the count must equal the product of <paramref name="dims"/>.</param>
    public OnnxGraphBuilder Initializer(string name, long[] dims, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(dims);
        EnsureCount(dims, values.Length);
        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        _initializers.Add(new OnnxInitializer(name, dims, OnnxElementType.Float, raw));
        return this;
    }

    /// <summary>Adds an int64 constant (e.g. a shape for Reshape).</summary>
    /// <param name="name">Tensor name.</param>
    public OnnxGraphBuilder Initializer(string name, long[] dims, ReadOnlySpan<long> values)
    {
        ArgumentNullException.ThrowIfNull(dims);
        EnsureCount(dims, values.Length);
        var raw = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        _initializers.Add(new OnnxInitializer(name, dims, OnnxElementType.Int64, raw));
        return this;
    }

    /// <summary>Adds any default-domain operator.</summary>
    /// <param name="opType">Operator name.</param>
    /// <param name="inputs">Input tensor names.</param>
    /// <param name="output">Output tensor name.</param>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string output, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        _nodes.Add(new OnnxNode(opType, $"{opType.ToLowerInvariant()}_{_nodes.Count}", inputs, [output], attributes));
        return this;
    }

    /// <summary>Matrix product <c>output = a · b</c>.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder MatMul(string a, string b, string output) => Node("MatMul", [a, b], output);

    /// <summary>Broadcasting sum <c>output = a + b</c>.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Add(string a, string b, string output) => Node("Add", [a, b], output);

    /// <summary><c>output = alpha·a·bᵀ + beta·c</c> when <paramref name="transB"/> is set (the usual dense layer).</summary>
    /// <param name="a">Input [batch, in].</param>
    /// <param name="output">Result name.</param>
    /// <param name="transB">Whether <paramref name="b"/> is stored [out, in].</param>
    public OnnxGraphBuilder Gemm(string a, string b, string c, string output, bool transB = false) =>
        Node("Gemm", [a, b, c], output, OnnxAttribute.OfInt("transB", transB ? 1 : 0));

    /// <summary>Rectified linear unit.</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Relu(string input, string output) => Node("Relu", [input], output);

    /// <summary>Logistic sigmoid.</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Sigmoid(string input, string output) => Node("Sigmoid", [input], output);

    /// <summary>Element-wise broadcasting product <c>output = a · b</c>.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Mul(string a, string b, string output) => Node("Mul", [a, b], output);

    /// <summary>Element-wise broadcasting quotient <c>output = a / b</c>.</summary>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Div(string a, string b, string output) => Node("Div", [a, b], output);

    /// <summary>Element-wise broadcasting maximum of two tensors.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Max(string a, string b, string output) => Node("Max", [a, b], output);

    /// <summary>Natural logarithm.</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Log(string input, string output) => Node("Log", [input], output);

    /// <summary>Sign: −1, 0 or 1 per element.</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    public OnnxGraphBuilder Sign(string input, string output) => Node("Sign", [input], output);

    /// <summary>Euclidean norm over <paramref name="axis"/>, kept as a size-1 dimension (opset 17: axes is an attribute).</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    /// <param name="axis">Axis, default the last.</param>
    public OnnxGraphBuilder ReduceL2(string input, string output, long axis = -1) =>
        Node("ReduceL2", [input], output, OnnxAttribute.OfInts("axes", [axis]), OnnxAttribute.OfInt("keepdims", 1));

    /// <summary>Adds a model-level metadata entry (ONNX <c>metadata_props</c>), readable through ONNX Runtime's
    /// <c>ModelMetadata.CustomMetadataMap</c>; it travels inside the model file and its hash.</summary>
    public OnnxGraphBuilder Metadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata[key] = value;
        return this;
    }

    /// <summary>Softmax over <paramref name="axis"/> (opset 13+ semantics: a single axis).</summary>
    /// <param name="input">Input name.</param>
    /// <param name="output">Result name.</param>
    /// <param name="axis">Axis, default the last.</param>
    public OnnxGraphBuilder Softmax(string input, string output, long axis = -1) =>
        Node("Softmax", [input], output, OnnxAttribute.OfInt("axis", axis));

    /// <summary>Serialises the graph as an ONNX ModelProto (IR 8, opset 17, producer "Designer").</summary>
    public byte[] Build()
    {
        if (_inputs.Count == 0 || _outputs.Count == 0)
        {
            throw new InvalidOperationException("An ONNX graph needs at least one input and one output.");
        }

        return OnnxModelEncoder.Encode(_graphName, _nodes, _initializers, _inputs, _outputs, _metadata);
    }

    private static void EnsureCount(long[] dims, int count)
    {
        var expected = dims.Aggregate(1L, (product, d) => product * d);
        if (expected != count)
        {
            throw new ArgumentException($"Initializer has {count} values but its dims need {expected}.", nameof(dims));
        }
    }
}
