using System.Globalization;
using System.Text;

namespace Designer.InferenceHost.Metrics;

/// <summary>The aggregated points of one instrument, one per label set; not thread-safe (the collector locks).</summary>
internal sealed class InstrumentSeries(string name, string help, SeriesKind kind, double[] buckets)
{
    public string Name { get; } = name;

    public SeriesKind Kind { get; } = kind;

    public Dictionary<string, Point> Points { get; } = new(StringComparer.Ordinal);

    public void Record(string labels, double value)
    {
        if (!Points.TryGetValue(labels, out var point))
        {
            point = new Point(new long[buckets.Length]);
            Points[labels] = point;
        }

        switch (Kind)
        {
            case SeriesKind.Gauge:
                point.Sum = value;
                break;
            case SeriesKind.Counter:
                point.Sum += value;
                break;
            default:
                point.Sum += value;
                point.Count++;
                for (var i = 0; i < buckets.Length; i++)
                {
                    if (value <= buckets[i])
                    {
                        point.Buckets[i]++;
                    }
                }

                break;
        }
    }

    public void Write(StringBuilder text)
    {
        var type = Kind switch { SeriesKind.Counter => "counter", SeriesKind.Histogram => "histogram", _ => "gauge" };
        text.Append("# HELP ").Append(Name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, point) in Points.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Kind != SeriesKind.Histogram)
            {
                Line(text, Name, labels, point.Sum);
                continue;
            }

            for (var i = 0; i < buckets.Length; i++)
            {
                Line(text, Name + "_bucket", Join(labels, $"le=\"{Format(buckets[i])}\""), point.Buckets[i]);
            }

            Line(text, Name + "_bucket", Join(labels, "le=\"+Inf\""), point.Count);
            Line(text, Name + "_sum", labels, point.Sum);
            Line(text, Name + "_count", labels, point.Count);
        }
    }

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static void Line(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One label set's running values.</summary>
    internal sealed class Point(long[] buckets)
    {
        public long[] Buckets { get; } = buckets;

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
