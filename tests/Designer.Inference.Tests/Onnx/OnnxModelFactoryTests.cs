using Designer.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Tests.Onnx;

public sealed class OnnxModelFactoryTests
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    public void Linear_RandomInputs_MatchesReferenceMath(int batch)
    {
        // Arrange
        var random = new Random(1);
        var layer = ReferenceMath.RandomLayer(random, 12, 5);
        var rows = ReferenceMath.RandomRows(random, batch, 12);

        // Act
        var actual = OrtRunner.Run(OnnxModelFactory.Linear(layer), rows, OnnxModelFactory.ScoresOutput);

        // Assert
        Assert.Equal(batch, actual.Length);
        for (var r = 0; r < batch; r++)
        {
            AssertClose(ReferenceMath.Dense(rows[r], layer), actual[r]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    public void Mlp_WithSoftmax_MatchesReferenceMath(int batch)
    {
        // Arrange
        var random = new Random(2);
        DenseLayer[] layers = [ReferenceMath.RandomLayer(random, 16, 32), ReferenceMath.RandomLayer(random, 32, 24), ReferenceMath.RandomLayer(random, 24, 4)];
        var rows = ReferenceMath.RandomRows(random, batch, 16);

        // Act
        var actual = OrtRunner.Run(OnnxModelFactory.Mlp(layers, softmax: true), rows, OnnxModelFactory.ProbabilitiesOutput);

        // Assert
        for (var r = 0; r < batch; r++)
        {
            AssertClose(ReferenceMath.Mlp(rows[r], layers, softmax: true), actual[r]);
            Assert.Equal(1.0, actual[r].Sum(), 5);
        }
    }

    [Fact]
    public void Mlp_WithoutSoftmax_MatchesReferenceMath()
    {
        // Arrange
        var random = new Random(3);
        DenseLayer[] layers = [ReferenceMath.RandomLayer(random, 8, 16), ReferenceMath.RandomLayer(random, 16, 6)];
        var rows = ReferenceMath.RandomRows(random, 64, 8);

        // Act
        var actual = OrtRunner.Run(OnnxModelFactory.Mlp(layers, softmax: false), rows, OnnxModelFactory.ScoresOutput);

        // Assert
        for (var r = 0; r < rows.Length; r++)
        {
            AssertClose(ReferenceMath.Mlp(rows[r], layers, softmax: false), actual[r]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    public void LogisticRegression_WithCalibration_MatchesSigmoidReference(int batch)
    {
        // Arrange
        var random = new Random(4);
        var weights = Enumerable.Range(0, 10).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        const float bias = -0.3f;
        var calibration = new PlattCalibration(0.8f, 0.15f);
        var rows = ReferenceMath.RandomRows(random, batch, 10);

        // Act
        var actual = OrtRunner.Run(OnnxModelFactory.LogisticRegression(weights, bias, calibration), rows, OnnxModelFactory.ProbabilitiesOutput);

        // Assert
        for (var r = 0; r < batch; r++)
        {
            var z = bias + rows[r].Select((x, i) => (double)x * weights[i]).Sum();
            var p = ReferenceMath.Sigmoid((calibration.Scale * z) + calibration.Offset);
            AssertClose([1 - p, p], actual[r]);
        }
    }

    [Fact]
    public void Build_Model_DeclaresDynamicBatchAndFixedFeatures()
    {
        // Arrange
        var model = OnnxModelFactory.Linear(ReferenceMath.RandomLayer(new Random(5), 7, 3));

        // Act
        using var session = new InferenceSession(model);

        // Assert
        var input = session.InputMetadata[OnnxModelFactory.InputName];
        Assert.Equal([-1, 7], input.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal([-1, 3], session.OutputMetadata[OnnxModelFactory.ScoresOutput].Dimensions);
    }

    [Fact]
    public void Build_GemmAndSigmoidGraph_LoadsAndComputes()
    {
        // Arrange: Gemm with transB stores weights [out, in], the layout PyTorch exports.
        var model = new OnnxGraphBuilder("gemm")
            .Input("x", OnnxDimension.Batch, OnnxDimension.Fixed(2))
            .Initializer("w", [1, 2], [2f, -1f])
            .Initializer("b", [1], [0.5f])
            .Gemm("x", "w", "b", "z", transB: true)
            .Sigmoid("z", "p")
            .Output("p", OnnxDimension.Batch, OnnxDimension.Fixed(1))
            .Build();

        // Act
        var actual = OrtRunner.Run(model, [[1f, 3f], [0f, 0f]], "p");

        // Assert
        AssertClose([ReferenceMath.Sigmoid(-0.5)], actual[0]);
        AssertClose([ReferenceMath.Sigmoid(0.5)], actual[1]);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"index {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
