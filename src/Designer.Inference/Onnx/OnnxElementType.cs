namespace Designer.Inference.Onnx;

/// <summary>The subset of ONNX <c>TensorProto.DataType</c> values the writer supports.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit IEEE float (ONNX FLOAT = 1).</summary>
    Float = 1,

    /// <summary>64-bit signed integer (ONNX INT64 = 7).</summary>
    Int64 = 7,
}
