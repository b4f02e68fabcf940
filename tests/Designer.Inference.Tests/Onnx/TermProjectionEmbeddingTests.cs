using Designer.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Tests.Onnx;

public sealed class TermProjectionEmbeddingTests
{
    [Fact]
    public void ElementwiseOps_RunInOnnxRuntime_MatchReference()
    {
        // Arrange: y = Div(Mul(Max(x, 1) , Sign(x)), ReduceL2(x)) and Log, exercising every added op.
        var model = new OnnxGraphBuilder("ops")
            .Input("x", OnnxDimension.Batch, OnnxDimension.Fixed(3))
            .Initializer("one", [1], [1f])
            .Sign("x", "s")
            .Max("x", "one", "m")
            .Log("m", "l")
            .Mul("l", "s", "ls")
            .ReduceL2("x", "n")
            .Div("ls", "n", "y")
            .Output("y", OnnxDimension.Batch, OnnxDimension.Fixed(3))
            .Build();
        float[][] rows = [[0f, 2f, -3f], [4f, 0.5f, 1f]];

        // Act
        var actual = OrtRunner.Run(model, rows, "y");

        // Assert
        for (var r = 0; r < rows.Length; r++)
        {
            var norm = MathF.Sqrt(rows[r].Sum(v => v * v));
            for (var c = 0; c < 3; c++)
            {
                var x = rows[r][c];
                var expected = MathF.Log(MathF.Max(x, 1f)) * MathF.Sign(x) / norm;
                Assert.Equal(expected, actual[r][c], 5);
            }
        }
    }

    [Fact]
    public void TermProjectionEmbedding_Counts_MatchSublinearTfIdfProjectionReference()
    {
        // Arrange
        float[] idf = [1.5f, 0.5f, 2f, 1f];
        float[] projection = [0.1f, 0.9f, -0.4f, 0.3f, 0.8f, 0.2f, -0.6f, 0.5f]; // [4, 2]
        var model = OnnxModelFactory.TermProjectionEmbedding(idf, projection, 2, new Dictionary<string, string>());
        float[][] counts = [[1f, 0f, 3f, 0f], [0f, 2f, 0f, 1f]];

        // Act
        var actual = OrtRunner.Run(model, counts, OnnxModelFactory.EmbeddingOutput);

        // Assert
        for (var r = 0; r < counts.Length; r++)
        {
            var expected = new float[2];
            for (var t = 0; t < 4; t++)
            {
                var tf = counts[r][t] > 0 ? 1f + MathF.Log(counts[r][t]) : 0f;
                for (var d = 0; d < 2; d++)
                {
                    expected[d] += tf * idf[t] * projection[(t * 2) + d];
                }
            }

            var norm = MathF.Sqrt((expected[0] * expected[0]) + (expected[1] * expected[1]));
            Assert.Equal(expected[0] / norm, actual[r][0], 5);
            Assert.Equal(expected[1] / norm, actual[r][1], 5);
        }
    }

    [Fact]
    public void TermProjectionEmbedding_AllZeroCounts_ReturnsZeroVectorNotNaN()
    {
        // Arrange
        var model = OnnxModelFactory.TermProjectionEmbedding([1f, 1f], [1f, 0f, 0f, 1f], 2, new Dictionary<string, string>());

        // Act
        var actual = OrtRunner.Run(model, [[0f, 0f]], OnnxModelFactory.EmbeddingOutput);

        // Assert
        Assert.Equal([0f, 0f], actual[0]);
    }

    [Fact]
    public void Metadata_Written_IsReadByOnnxRuntime()
    {
        // Arrange
        var metadata = new Dictionary<string, string> { ["designer.test"] = "line one\nline two" };
        var model = OnnxModelFactory.TermProjectionEmbedding([1f], [1f], 1, metadata);

        // Act
        using var session = new InferenceSession(model);

        // Assert
        Assert.Equal("line one\nline two", session.ModelMetadata.CustomMetadataMap["designer.test"]);
    }

    [Fact]
    public void TermProjectionEmbedding_ProjectionShapeMismatch_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => OnnxModelFactory.TermProjectionEmbedding([1f, 1f], [1f, 0f, 0f], 2, new Dictionary<string, string>()));
    }
}
