using System.Collections.Concurrent;
using Designer.Inference.Serving;

namespace Designer.Inference.Tests.Serving;

/// <summary>output = 2·input + 1 per value, so every caller can recognise its own row; records every batch it ran.</summary>
internal sealed class RecordingExecutor(int width = 3) : IBatchExecutor
{
    public ConcurrentQueue<float[][]> Batches { get; } = new();

    public int InputWidth => width;

    public BatchOutput Execute(float[] input, int rows)
    {
        Batches.Enqueue(Enumerable.Range(0, rows).Select(r => input.AsSpan(r * width, width).ToArray()).ToArray());
        return new BatchOutput(input.Select(v => (2 * v) + 1).ToArray(), width);
    }
}
