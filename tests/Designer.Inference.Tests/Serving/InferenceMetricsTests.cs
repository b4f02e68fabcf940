using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Designer.Inference.Serving;

namespace Designer.Inference.Tests.Serving;

public sealed class InferenceMetricsTests
{
    private static readonly ModelKey Key = new("metrics-test", 3);

    [Fact]
    public async Task InferAsync_WithMetrics_RecordsBatchSizeDurationQueueDepthAndRejections()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Outcome)>();
        using var listener = Listen(measurements);
        using var metrics = new InferenceMetrics();
        using var executor = new BlockingExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, new BatchingOptions(4, TimeSpan.Zero, 1, TimeSpan.FromSeconds(30)), TimeProvider.System, metrics);
        var running = batcher.InferAsync([[1, 1, 1], [2, 2, 2]], ct);
        await executor.WaitUntilRunningAsync();
        var queued = batcher.InferAsync([[3, 3, 3]], ct);

        // Act
        listener.RecordObservableInstruments();
        await Assert.ThrowsAsync<InferenceQueueFullException>(() => batcher.InferAsync([[4, 4, 4]], ct));
        executor.Release();
        await Task.WhenAll(running, queued);

        // Assert
        Assert.Contains(measurements, m => m.Instrument == "designer.inference.queue.depth" && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == "designer.inference.batch.size" && m.Value == 2);
        Assert.Contains(measurements, m => m.Instrument == "designer.inference.requests.rejected" && m.Value == 1);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "designer.inference.request.duration" && m.Outcome == "ok"));
    }

    private static MeterListener Listen(ConcurrentBag<(string, double, string?)> sink)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InferenceMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? model = null, outcome = null;
            foreach (var tag in tags)
            {
                model = tag.Key == "model" ? tag.Value as string : model;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            if (model == Key.Id)
            {
                sink.Add((instrument.Name, value, outcome));
            }
        }

        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }
}
