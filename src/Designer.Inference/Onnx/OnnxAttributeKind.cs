namespace Designer.Inference.Onnx;

/// <summary>ONNX <c>AttributeProto.AttributeType</c> values the writer supports.</summary>
public enum OnnxAttributeKind
{
    /// <summary>FLOAT = 1.</summary>
    Float = 1,

    /// <summary>INT = 2.</summary>
    Int = 2,

    /// <summary>INTS = 7.</summary>
    Ints = 7,
}
