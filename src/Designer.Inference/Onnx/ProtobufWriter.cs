using System.Buffers;
using System.Text;

namespace Designer.Inference.Onnx;

/// <summary>
/// Minimal protobuf wire-format encoder: just enough (varint and length-delimited fields) to emit ONNX messages
/// without taking a dependency on Google.Protobuf or the generated onnx.proto classes.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int WireVarint = 0;
    private const int WireFixed32 = 5;
    private const int WireLengthDelimited = 2;

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void WriteVarintField(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireVarint);
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteFloatField(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, WireFixed32);
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        if (!BitConverter.IsLittleEndian)
        {
            bytes.Reverse();
        }

        _buffer.Write(bytes);
    }

    public void WriteStringField(int fieldNumber, string value) =>
        WriteBytesField(fieldNumber, Encoding.UTF8.GetBytes(value));

    public void WriteBytesField(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, WireLengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>Writes a nested message: the child is encoded first because its length prefixes it.</summary>
    public void WriteMessageField(int fieldNumber, Action<ProtobufWriter> writeChild)
    {
        var child = new ProtobufWriter();
        writeChild(child);
        WriteBytesField(fieldNumber, child.ToArray());
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteTag(int fieldNumber, int wireType) => WriteVarint((ulong)((fieldNumber << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _buffer.Write([(byte)value]);
    }
}
