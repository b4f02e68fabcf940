using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Designer.Inference.Serving;

/// <summary>
/// Metrics of the <c>Designer.Inference</c> meter, all tagged <c>model</c> and <c>version</c>: queue depth
/// (observable gauge), batch size (histogram, rows), request duration (histogram, seconds, plus <c>outcome</c>) and
/// rejected requests (counter).
/// </summary>
public sealed class InferenceMetrics : IDisposable
{
    /// <summary>The meter name to subscribe to (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string MeterName = "Designer.Inference";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rejected;
    private readonly ConcurrentDictionary<DynamicBatcher, ModelKey> _queues = new();

    /// <summary>Creates the instruments, on a meter from <paramref name="meterFactory"/> when one is given.</summary>
    /// <param name="meterFactory">The host's meter factory, or null for a standalone meter.</param>
    public InferenceMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _batchSize = _meter.CreateHistogram<int>("designer.inference.batch.size", "{row}", "Rows per executed batch.");
        _duration = _meter.CreateHistogram<double>("designer.inference.request.duration", "s", "Enqueue-to-result time of a request.");
        _rejected = _meter.CreateCounter<long>("designer.inference.requests.rejected", "{request}", "Requests refused because the queue was full.");
        _meter.CreateObservableGauge("designer.inference.queue.depth", ObserveQueues, "{request}", "Requests waiting per model.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void Track(DynamicBatcher batcher, ModelKey key) => _queues[batcher] = key;

    internal void Untrack(DynamicBatcher batcher) => _queues.TryRemove(batcher, out _);

    internal void RecordBatch(ModelKey key, int rows) => _batchSize.Record(rows, Tags(key));

    internal void RecordRequest(ModelKey key, TimeSpan duration, string outcome) =>
        _duration.Record(duration.TotalSeconds, [.. Tags(key), new("outcome", outcome)]);

    internal void RecordRejected(ModelKey key) => _rejected.Add(1, Tags(key));

    private IEnumerable<Measurement<int>> ObserveQueues() =>
        _queues.Select(q => new Measurement<int>(q.Key.QueueDepth, Tags(q.Value)));

    private static KeyValuePair<string, object?>[] Tags(ModelKey key) =>
        [new("model", key.Id), new("version", key.Version.ToString(CultureInfo.InvariantCulture))];
}
