using Designer.Inference.Onnx;

namespace Designer.Inference.Tests.Onnx;

/// <summary>Double-precision reference implementations the ONNX Runtime outputs are compared against.</summary>
internal static class ReferenceMath
{
    public static double[] Dense(ReadOnlySpan<float> x, DenseLayer layer)
    {
        var y = new double[layer.Outputs];
        for (var o = 0; o < layer.Outputs; o++)
        {
            double sum = layer.Bias[o];
            for (var i = 0; i < layer.Inputs; i++)
            {
                sum += (double)x[i] * layer.Weights[(i * layer.Outputs) + o];
            }

            y[o] = sum;
        }

        return y;
    }

    public static double[] Mlp(float[] x, IReadOnlyList<DenseLayer> layers, bool softmax)
    {
        var current = x;
        double[] output = [];
        for (var l = 0; l < layers.Count; l++)
        {
            output = Dense(current, layers[l]);
            if (l < layers.Count - 1)
            {
                current = output.Select(v => (float)Math.Max(0, v)).ToArray();
            }
        }

        return softmax ? Softmax(output) : output;
    }

    public static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exps = logits.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exps.Sum();
        return exps.Select(v => v / sum).ToArray();
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    public static DenseLayer RandomLayer(Random random, int inputs, int outputs) => new(
        inputs,
        outputs,
        Enumerable.Range(0, inputs * outputs).Select(_ => (float)((random.NextDouble() * 2) - 1) / MathF.Sqrt(inputs)).ToArray(),
        Enumerable.Range(0, outputs).Select(_ => (float)((random.NextDouble() * 2) - 1) * 0.1f).ToArray());

    public static float[][] RandomRows(Random random, int rows, int width) =>
        Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, width).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray())
            .ToArray();
}
