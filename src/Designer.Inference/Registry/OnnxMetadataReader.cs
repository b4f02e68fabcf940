using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Registry;

/// <summary>Reads input/output metadata by loading the model in ONNX Runtime, which also proves it is loadable.</summary>
internal static class OnnxMetadataReader
{
    public static (IReadOnlyList<TensorInfo> Inputs, IReadOnlyList<TensorInfo> Outputs) Read(byte[] model)
    {
        try
        {
            using var session = new InferenceSession(model);
            return (Describe(session.InputMetadata), Describe(session.OutputMetadata));
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ArgumentException($"The model is not a loadable ONNX model: {ex.Message}", nameof(model), ex);
        }
    }

    private static TensorInfo[] Describe(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        metadata.Select(m => new TensorInfo(m.Key, m.Value.ElementDataType.ToString(), m.Value.Dimensions.Select(d => (long)d).ToArray()))
            .ToArray();
}
