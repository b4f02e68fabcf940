using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>A stored point: its normalised vector, payload and the operation that last wrote it.</summary>
internal sealed record FakePoint(float[] Vector, MapField<string, Value> Payload, ulong Version);
