using System.Numerics.Tensors;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// Brute-force top-k by dot product (TensorPrimitives.Dot, SIMD) over every live node: the answer below the exact
/// threshold, under very selective filters, and the recall reference for the approximate index.
/// </summary>
internal static class ExactSearch
{
    public static List<(int Node, float Similarity)> Search(HnswGraph graph, ReadOnlySpan<float> query, int k, Func<int, bool>? accept)
    {
        var heap = new PriorityQueue<int, float>(k + 1); // min-heap of similarity: the worst kept hit is on top
        for (var node = 0; node < graph.Count; node++)
        {
            if (graph.IsDeleted(node) || (accept is not null && !accept(node)))
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(query, graph.Vector(node));
            if (heap.Count < k)
            {
                heap.Enqueue(node, similarity);
            }
            else if (heap.TryPeek(out _, out var worst) && similarity > worst)
            {
                heap.DequeueEnqueue(node, similarity);
            }
        }

        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var node, out var similarity))
        {
            result.Add((node, similarity));
        }

        result.Reverse();
        return result;
    }
}
