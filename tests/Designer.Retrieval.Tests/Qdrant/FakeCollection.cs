using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>One collection of the fake: its vector size and points by UUID.</summary>
internal sealed class FakeCollection(ulong size)
{
    private readonly Dictionary<Guid, FakePoint> _points = [];
    private readonly Lock _gate = new();

    public ulong Size { get; } = size;

    public int Count(Filter? filter)
    {
        lock (_gate)
        {
            return _points.Values.Count(p => FakeQdrantModel.Matches(filter, p.Payload));
        }
    }

    public void Upsert(IEnumerable<(Guid Id, FakePoint Point)> points)
    {
        lock (_gate)
        {
            foreach (var (id, point) in points)
            {
                _points[id] = point;
            }
        }
    }

    public void Delete(IEnumerable<Guid> ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _points.Remove(id);
            }
        }
    }

    public void Delete(Filter filter)
    {
        lock (_gate)
        {
            foreach (var id in _points.Where(p => FakeQdrantModel.Matches(filter, p.Value.Payload)).Select(p => p.Key).ToList())
            {
                _points.Remove(id);
            }
        }
    }

    public List<(Guid Id, FakePoint Point, float Score)> Nearest(float[] query, Filter? filter, int limit)
    {
        lock (_gate)
        {
            return [.. _points
                .Where(p => FakeQdrantModel.Matches(filter, p.Value.Payload))
                .Select(p => (p.Key, p.Value, Score: Dot(query, p.Value.Vector)))
                .OrderByDescending(p => p.Score)
                .ThenBy(p => p.Key)
                .Take(limit)];
        }
    }

    public static float[] Normalise(IReadOnlyList<float> vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return norm == 0 ? [.. vector] : [.. vector.Select(x => (float)(x / norm))];
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return (float)sum;
    }
}
