using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Metrics;

/// <summary>
/// Collects the <c>Designer.Inference</c> meter of this host (the one its <see cref="IMeterFactory"/> created) with a
/// <see cref="MeterListener"/> and writes it in the Prometheus text exposition format: counters as
/// <c>_total</c>, histograms as cumulative <c>_bucket</c>/<c>_sum</c>/<c>_count</c>, gauges as last values.
/// </summary>
internal sealed class InferenceMetricsCollector : IDisposable
{
    private static readonly double[] SecondsBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly double[] CountBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

    private readonly IMeterFactory _meterFactory;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<Instrument, InstrumentSeries> _instruments = [];

    public InferenceMetricsCollector(IMeterFactory meterFactory, InferenceMetrics metrics)
    {
        // Taking InferenceMetrics makes sure its instruments exist before the listener starts.
        ArgumentNullException.ThrowIfNull(metrics);
        _meterFactory = meterFactory ?? throw new ArgumentNullException(nameof(meterFactory));
        _listener.InstrumentPublished = OnPublished;
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The current values in the Prometheus text format (version 0.0.4).</summary>
    public string Scrape()
    {
        lock (_gate)
        {
            foreach (var series in _instruments.Values.Where(s => s.Kind == SeriesKind.Gauge))
            {
                series.Points.Clear();
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var series in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                series.Write(text);
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != InferenceMetrics.MeterName || !ReferenceEquals(instrument.Meter.Scope, _meterFactory))
        {
            return;
        }

        var kind = instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => SeriesKind.Counter,
            Histogram<int> or Histogram<long> or Histogram<double> => SeriesKind.Histogram,
            _ => SeriesKind.Gauge,
        };
        var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : string.Empty) + (kind == SeriesKind.Counter ? "_total" : string.Empty);
        var buckets = instrument.Unit == "s" ? SecondsBuckets : CountBuckets;
        lock (_gate)
        {
            _instruments[instrument] = new InstrumentSeries(name, instrument.Description ?? string.Empty, kind, buckets);
        }

        listener.EnableMeasurementEvents(instrument);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_gate)
        {
            if (_instruments.TryGetValue(instrument, out var series))
            {
                series.Record(labels, value);
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            pairs.Add($"{tag.Key.Replace('.', '_')}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }
}
