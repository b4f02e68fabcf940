namespace Designer.Retrieval.Embedded;

/// <summary>
/// The snapshot of an embedded collection (slots, graph, the sequence it covers). Written to a temporary file,
/// flushed to disk, then renamed over the old one: a crash leaves either the old or the new snapshot, never a mix.
/// </summary>
internal static class SnapshotFile
{
    private const int Magic = 0x504E5344; // "DSNP"
    private const int FormatVersion = 1;

    public static void Write(string path, EmbeddedState state)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(state.Graph.Dimension);
                writer.Write(state.Sequence);
                writer.Write(state.Slots.Count);
                foreach (var slot in state.Slots)
                {
                    writer.Write(slot is not null);
                    if (slot is not null)
                    {
                        writer.Write(slot.Id);
                        RecordCodec.WriteMetadata(writer, slot.Text, slot.Payload);
                    }
                }

                state.Graph.Write(writer);
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static EmbeddedState? Read(string path, int dimension, HnswParameters parameters, int buildParallelism)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path} is not an embedded index snapshot of format {FormatVersion}.");
        }

        var storedDimension = reader.ReadInt32();
        if (storedDimension != dimension)
        {
            throw new InvalidDataException($"{path} holds {storedDimension}-d vectors, expected {dimension}.");
        }

        var sequence = reader.ReadInt64();
        var slotCount = reader.ReadInt32();
        var slots = new List<SlotRecord?>(slotCount);
        for (var i = 0; i < slotCount; i++)
        {
            if (reader.ReadBoolean())
            {
                var id = reader.ReadString();
                var (text, payload) = RecordCodec.ReadMetadata(reader);
                slots.Add(new SlotRecord(id, text, payload));
            }
            else
            {
                slots.Add(null);
            }
        }

        var state = new EmbeddedState(HnswGraph.Read(reader, dimension, parameters), buildParallelism) { Sequence = sequence };
        state.LoadSlots(slots);
        return state;
    }
}
