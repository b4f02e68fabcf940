using System.Buffers;
using System.Text;

namespace Designer.Retrieval.Tests.Embeddings;

/// <summary>Just enough protobuf encoding (varints and length-delimited fields) to write an ONNX ModelProto.</summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _stream = new();

    public ProtoWriter Int(int field, long value)
    {
        Tag(field, 0);
        Varint((ulong)value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        _stream.Write(value);
        return this;
    }

    public byte[] ToArray() => _stream.WrittenSpan.ToArray();

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _stream.Write([(byte)value]);
    }
}
