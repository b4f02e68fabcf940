using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Embedded;

/// <summary>One logged write: an upsert of records or a delete of ids, with its sequence number.</summary>
internal sealed record WalEntry(long Sequence, IReadOnlyList<VectorRecord>? Upserts, IReadOnlyList<string>? Deletes)
{
    private const byte UpsertOp = 1;
    private const byte DeleteOp = 2;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Sequence);
        if (Upserts is not null)
        {
            writer.Write(UpsertOp);
            writer.Write(Upserts.Count);
            foreach (var record in Upserts)
            {
                RecordCodec.Write(writer, record);
            }
        }
        else
        {
            writer.Write(DeleteOp);
            writer.Write(Deletes!.Count);
            foreach (var id in Deletes)
            {
                writer.Write(id);
            }
        }
    }

    public static WalEntry Read(BinaryReader reader)
    {
        var sequence = reader.ReadInt64();
        var op = reader.ReadByte();
        var count = reader.ReadInt32();
        switch (op)
        {
            case UpsertOp:
                var records = new VectorRecord[count];
                for (var i = 0; i < count; i++)
                {
                    records[i] = RecordCodec.Read(reader);
                }

                return new WalEntry(sequence, records, null);
            case DeleteOp:
                var ids = new string[count];
                for (var i = 0; i < count; i++)
                {
                    ids[i] = reader.ReadString();
                }

                return new WalEntry(sequence, null, ids);
            default:
                throw new InvalidDataException($"Unknown log operation {op}.");
        }
    }
}
