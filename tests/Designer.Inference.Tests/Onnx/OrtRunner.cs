using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Tests.Onnx;

/// <summary>Loads a model from bytes and runs one batch, returning the named output as rows.</summary>
internal static class OrtRunner
{
    public static float[][] Run(byte[] model, float[][] rows, string outputName)
    {
        using var session = new InferenceSession(model);
        var width = rows[0].Length;
        var flat = rows.SelectMany(r => r).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [rows.Length, width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [input], [outputName]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        var data = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var outWidth = (int)shape[1];
        return Enumerable.Range(0, (int)shape[0]).Select(r => data.AsSpan(r * outWidth, outWidth).ToArray()).ToArray();
    }
}
