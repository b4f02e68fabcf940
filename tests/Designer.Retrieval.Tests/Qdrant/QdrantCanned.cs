namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>Canned Qdrant responses, shaped after the published schema (the fake handler validates them).</summary>
internal static class QdrantCanned
{
    public static string CollectionInfo(int size) => $$"""
        {
          "status": "green",
          "optimizer_status": "ok",
          "segments_count": 2,
          "points_count": 0,
          "indexed_vectors_count": 0,
          "payload_schema": {},
          "config": {
            "params": { "vectors": { "size": {{size}}, "distance": "Cosine" }, "shard_number": 1, "replication_factor": 1, "write_consistency_factor": 1, "on_disk_payload": true },
            "hnsw_config": { "m": 16, "ef_construct": 100, "full_scan_threshold": 10000 },
            "optimizer_config": { "deleted_threshold": 0.2, "vacuum_min_vector_number": 1000, "default_segment_number": 0, "flush_interval_sec": 5 }
          }
        }
        """;
}
