using Designer.Retrieval.Collections;

namespace Designer.Web.Collections;

/// <summary>A job with its progress: done/total, rate (documents per second) and ETA (seconds).</summary>
internal sealed record JobResponse(
    Guid Id,
    string Collection,
    string Kind,
    string Status,
    int Done,
    int Total,
    double? RatePerSecond,
    double? EtaSeconds,
    int? TargetVersion,
    bool CancelRequested,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public static JobResponse From(CollectionJobProgress p) => new(
        p.Job.Id, p.Collection, ToCamel(p.Job.Kind.ToString()), ToCamel(p.Job.Status.ToString()), p.Job.Done, p.Job.Total,
        p.RatePerSecond is { } rate ? Math.Round(rate, 2) : null, p.Eta is { } eta ? Math.Round(eta.TotalSeconds, 1) : null,
        p.Job.TargetVersion, p.Job.CancelRequested, p.Job.Error, p.Job.CreatedAt, p.Job.StartedAt, p.Job.EndedAt);

    private static string ToCamel(string value) => char.ToLowerInvariant(value[0]) + value[1..];
}
