namespace Designer.InferenceHost.Metrics;

/// <summary>How an instrument is exposed.</summary>
internal enum SeriesKind
{
    Counter,
    Histogram,
    Gauge,
}
