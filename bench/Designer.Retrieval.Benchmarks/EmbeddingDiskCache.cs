using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Vectors of a benchmark run kept on disk per model and text, so that trying another fusion on the same real data
/// does not re-embed 20,000 texts on a shared 2-core machine. One file per model: (text hash, vector) records appended.
/// </summary>
internal sealed class EmbeddingDiskCache
{
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    private EmbeddingDiskCache(string path) => _path = path;

    public static EmbeddingDiskCache Open(string folder, string key)
    {
        Directory.CreateDirectory(folder);
        var cache = new EmbeddingDiskCache(Path.Combine(folder, key + ".vec"));
        if (File.Exists(cache._path))
        {
            long good = 0;
            using (var reader = new BinaryReader(File.OpenRead(cache._path)))
            {
                try
                {
                    while (reader.BaseStream.Position < reader.BaseStream.Length)
                    {
                        var hash = reader.ReadString();
                        var vector = new float[reader.ReadInt32()];
                        for (var i = 0; i < vector.Length; i++)
                        {
                            vector[i] = reader.ReadSingle();
                        }

                        cache._vectors[hash] = vector;
                        good = reader.BaseStream.Position;
                    }
                }
                catch (EndOfStreamException)
                {
                    // A run stopped while appending: keep the whole records.
                }
            }

            using var file = new FileStream(cache._path, FileMode.Open, FileAccess.Write);
            file.SetLength(good);
        }

        return cache;
    }

    /// <summary>Vectors of <paramref name="texts"/> in order; only texts not on disk go through <paramref name="generator"/>.</summary>
    public async Task<(float[][] Vectors, int Embedded, double Seconds)> GetAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts)
    {
        var hashes = texts.Select(Hash).ToList();
        var missing = hashes.Select((h, i) => (h, i)).Where(x => !_vectors.ContainsKey(x.h)).GroupBy(x => x.h).Select(g => g.First().i).ToList();
        var seconds = 0.0;
        if (missing.Count > 0)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write);
            using var writer = new BinaryWriter(stream);
            foreach (var chunk in missing.Chunk(512))
            {
                var generated = await generator.GenerateAsync(chunk.Select(i => texts[i]));
                for (var n = 0; n < chunk.Length; n++)
                {
                    var vector = generated[n].Vector.ToArray();
                    _vectors[hashes[chunk[n]]] = vector;
                    writer.Write(hashes[chunk[n]]);
                    writer.Write(vector.Length);
                    foreach (var v in vector)
                    {
                        writer.Write(v);
                    }
                }

                writer.Flush();
            }

            seconds = started.Elapsed.TotalSeconds;
        }

        return ([.. hashes.Select(h => _vectors[h])], missing.Count, seconds);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
