using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Collections;

/// <summary>Turns stored documents into index records: chunks with overlap, one embedding call per batch.</summary>
internal static class ChunkRecords
{
    /// <summary>The chunk's record id: document id, '#', position.</summary>
    public static string Id(string documentId, int chunk) => $"{documentId}#{chunk}";

    public static async Task<(List<VectorRecord> Records, Dictionary<string, int> Counts)> BuildAsync(
        IReadOnlyList<CollectionDocumentRecord> documents,
        CollectionRecord collection,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        var owners = new List<(CollectionDocumentRecord Document, int Chunk)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var chunks = TextChunker.Chunk(document.Text, collection.ChunkSize, collection.ChunkOverlap);
            counts[document.DocumentId] = chunks.Count;
            for (var i = 0; i < chunks.Count; i++)
            {
                texts.Add(chunks[i]);
                owners.Add((document, i));
            }
        }

        var records = new List<VectorRecord>(texts.Count);
        if (texts.Count == 0)
        {
            return (records, counts);
        }

        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        for (var i = 0; i < texts.Count; i++)
        {
            var (document, chunk) = owners[i];
            var payload = JsonNode.Parse(document.MetadataJson) as JsonObject ?? [];
            payload["documentId"] = document.DocumentId;
            payload["chunk"] = chunk;
            records.Add(new VectorRecord(Id(document.DocumentId, chunk), embeddings[i].Vector.ToArray(), texts[i], payload));
        }

        return (records, counts);
    }
}
