using Designer.Inference.Onnx;

namespace Designer.Inference.Tests.Onnx;

public sealed class OnnxGraphBuilderTests
{
    [Theory]
    [InlineData(1, new byte[] { 0x08, 0x01 })]
    [InlineData(300, new byte[] { 0x08, 0xAC, 0x02 })]
    [InlineData(-1, new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void WriteVarintField_KnownValues_MatchProtobufEncoding(long value, byte[] expected)
    {
        // Arrange
        var writer = new ProtobufWriter();

        // Act
        writer.WriteVarintField(1, value);

        // Assert
        Assert.Equal(expected, writer.ToArray());
    }

    [Fact]
    public void WriteMessageField_Nested_PrefixesLength()
    {
        // Arrange
        var writer = new ProtobufWriter();

        // Act
        writer.WriteMessageField(7, child => child.WriteStringField(2, "ab"));

        // Assert: tag (7 << 3 | 2) = 0x3A, length 4, then tag 0x12, length 2, "ab".
        Assert.Equal(new byte[] { 0x3A, 0x04, 0x12, 0x02, (byte)'a', (byte)'b' }, writer.ToArray());
    }

    [Fact]
    public void Initializer_WrongValueCount_Throws()
    {
        // Arrange
        var builder = new OnnxGraphBuilder("g");

        // Act + Assert
        Assert.Throws<ArgumentException>(() => builder.Initializer("w", [2, 3], new float[5]));
    }

    [Fact]
    public void Build_WithoutOutputs_Throws()
    {
        // Arrange
        var builder = new OnnxGraphBuilder("g").Input("x", OnnxDimension.Batch, OnnxDimension.Fixed(2));

        // Act + Assert
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Mlp_MismatchedLayerWidths_Throws()
    {
        // Arrange
        DenseLayer[] layers = [new(2, 3, new float[6], new float[3]), new(4, 1, new float[4], new float[1])];

        // Act + Assert
        Assert.Throws<ArgumentException>(() => OnnxModelFactory.Mlp(layers, softmax: false));
    }
}
