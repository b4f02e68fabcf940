namespace Designer.Inference.Onnx;

/// <summary>A node attribute (ONNX <c>AttributeProto</c>): a float, an int or a list of ints.</summary>
public sealed record OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
    }

    /// <summary>The attribute name, e.g. <c>axis</c>.</summary>
    public string Name { get; }

    /// <summary>Which value the attribute carries.</summary>
    public OnnxAttributeKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="OnnxAttributeKind.Float"/>.</summary>
    public float FloatValue { get; private init; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="OnnxAttributeKind.Int"/>.</summary>
    public long IntValue { get; private init; }

    /// <summary>The values when <see cref="Kind"/> is <see cref="OnnxAttributeKind.Ints"/>.</summary>
    public IReadOnlyList<long> IntValues { get; private init; } = [];

    /// <summary>A float attribute.</summary>
    /// <param name="name">Attribute name.</param>
    public static OnnxAttribute OfFloat(string name, float value) => new(name, OnnxAttributeKind.Float) { FloatValue = value };

    /// <summary>An integer attribute.</summary>
    /// <param name="name">Attribute name.</param>
    public static OnnxAttribute OfInt(string name, long value) => new(name, OnnxAttributeKind.Int) { IntValue = value };

    /// <summary>A list-of-integers attribute.</summary>
    /// <param name="name">Attribute name.</param>
    public static OnnxAttribute OfInts(string name, params long[] values) =>
        new(name, OnnxAttributeKind.Ints) { IntValues = [.. values] };
}
