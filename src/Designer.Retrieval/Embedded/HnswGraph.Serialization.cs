using System.Runtime.InteropServices;

namespace Designer.Retrieval.Embedded;

internal sealed partial class HnswGraph
{
    /// <summary>Writes vectors, levels, tombstones and links, so a reload needs no rebuild.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(EntryPoint);
        writer.Write(MaxLevel);
        writer.Write(MemoryMarshal.AsBytes(_vectors.AsSpan(0, Count * _dimension)));
        for (var node = 0; node < Count; node++)
        {
            writer.Write(_levels[node]);
            writer.Write(_deleted[node]);
            for (var level = 0; level <= _levels[node]; level++)
            {
                var links = Links(node, level);
                writer.Write(links.Length);
                foreach (var link in links)
                {
                    writer.Write(link);
                }
            }
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote, into a graph built with the same dimension and parameters.</summary>
    public static HnswGraph Read(BinaryReader reader, int dimension, HnswParameters parameters)
    {
        var count = reader.ReadInt32();
        var graph = new HnswGraph(dimension, parameters, count);
        graph.EntryPoint = reader.ReadInt32();
        graph.MaxLevel = reader.ReadInt32();
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(graph._vectors.AsSpan(0, count * dimension)));
        graph.Count = count;
        for (var node = 0; node < count; node++)
        {
            var level = reader.ReadInt32();
            graph._levels[node] = level;
            graph._upperLinks[node] = level == 0 ? [] : new int[]?[level];
            if (reader.ReadBoolean())
            {
                graph.MarkDeleted(node);
            }

            for (var l = 0; l <= level; l++)
            {
                var links = new int[reader.ReadInt32()];
                for (var i = 0; i < links.Length; i++)
                {
                    links[i] = reader.ReadInt32();
                }

                graph.SetLinks(node, l, links);
            }
        }

        return graph;
    }
}
