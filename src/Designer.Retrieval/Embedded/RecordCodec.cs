using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Embedded;

/// <summary>The binary form of a record, shared by the log and the snapshot.</summary>
internal static class RecordCodec
{
    public static void Write(BinaryWriter writer, VectorRecord record)
    {
        writer.Write(record.Id);
        writer.Write(record.Vector.Length);
        foreach (var x in record.Vector)
        {
            writer.Write(x);
        }

        WriteMetadata(writer, record.Text, record.Payload);
    }

    public static VectorRecord Read(BinaryReader reader)
    {
        var id = reader.ReadString();
        var vector = new float[reader.ReadInt32()];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = reader.ReadSingle();
        }

        var (text, payload) = ReadMetadata(reader);
        return new VectorRecord(id, vector, text, payload);
    }

    public static void WriteMetadata(BinaryWriter writer, string? text, JsonObject? payload)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }

        writer.Write((payload ?? []).ToJsonString());
    }

    public static (string? Text, JsonObject Payload) ReadMetadata(BinaryReader reader)
    {
        var text = reader.ReadBoolean() ? reader.ReadString() : null;
        var payload = JsonNode.Parse(reader.ReadString()) as JsonObject ?? [];
        return (text, payload);
    }
}
