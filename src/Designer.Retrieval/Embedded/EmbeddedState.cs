using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// The in-memory state of an embedded collection: the graph plus, per slot, the record's id, text and payload.
/// Writes replace by id: the old slot becomes a tombstone and the record gets a new slot.
/// </summary>
internal sealed class EmbeddedState(HnswGraph graph, int buildParallelism = 1)
{
    public HnswGraph Graph { get; private set; } = graph;

    public List<SlotRecord?> Slots { get; private set; } = [];

    public Dictionary<string, int> IdToSlot { get; private set; } = new(StringComparer.Ordinal);

    public long Sequence { get; set; }

    public int LiveCount => IdToSlot.Count;

    /// <summary>Upserts a batch, linking new nodes in parallel; within a batch the last record with an id wins.</summary>
    public void UpsertBatch(IReadOnlyList<VectorRecord> records)
    {
        var last = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            last[records[i].Id] = i;
        }

        var unique = records.Where((r, i) => last[r.Id] == i).ToList();
        foreach (var record in unique)
        {
            Remove(record.Id);
        }

        var first = Graph.AddBatch([.. unique.Select(r => r.Vector)], buildParallelism);
        for (var i = 0; i < unique.Count; i++)
        {
            Slots.Add(new SlotRecord(unique[i].Id, unique[i].Text, unique[i].Payload ?? []));
            IdToSlot[unique[i].Id] = first + i;
        }
    }

    public void Remove(string id)
    {
        if (IdToSlot.Remove(id, out var slot))
        {
            Graph.MarkDeleted(slot);
            Slots[slot] = null;
        }
    }

    public void Apply(WalEntry entry)
    {
        if (entry.Upserts is { } upserts)
        {
            UpsertBatch(upserts);
        }

        foreach (var id in entry.Deletes ?? [])
        {
            Remove(id);
        }

        Sequence = entry.Sequence;
    }

    /// <summary>Rebuilds the graph from live records only, dropping tombstones (slots are renumbered).</summary>
    public void Compact(HnswParameters parameters)
    {
        var old = Graph;
        var oldSlots = Slots;
        Graph = new HnswGraph(old.Dimension, parameters, Math.Max(16, IdToSlot.Count));
        Slots = new List<SlotRecord?>(IdToSlot.Count);
        IdToSlot = new Dictionary<string, int>(IdToSlot.Count, StringComparer.Ordinal);
        var live = new List<VectorRecord>(IdToSlot.Capacity);
        for (var node = 0; node < old.Count; node++)
        {
            if (oldSlots[node] is { } slot)
            {
                live.Add(new VectorRecord(slot.Id, old.Vector(node).ToArray(), slot.Text, slot.Payload));
            }
        }

        UpsertBatch(live);
    }

    public IEnumerable<VectorRecord> LiveRecords()
    {
        for (var node = 0; node < Slots.Count; node++)
        {
            if (Slots[node] is { } slot)
            {
                yield return new VectorRecord(slot.Id, [], slot.Text, slot.Payload);
            }
        }
    }

    public void LoadSlots(List<SlotRecord?> slots)
    {
        Slots = slots;
        IdToSlot = new Dictionary<string, int>(slots.Count, StringComparer.Ordinal);
        for (var node = 0; node < slots.Count; node++)
        {
            if (slots[node] is { } slot)
            {
                IdToSlot[slot.Id] = node;
            }
        }
    }
}
