using Designer.Persistence;

namespace Designer.Retrieval.Collections;

/// <summary>A job with its progress figures.</summary>
/// <param name="Job">The stored job.</param>
/// <param name="Collection">The collection name.</param>
/// <param name="RatePerSecond">Documents per second since the current attempt started, once measurable.</param>
/// <param name="Eta">Estimated time to finish, while running and measurable.</param>
public sealed record CollectionJobProgress(CollectionJobRecord Job, string Collection, double? RatePerSecond, TimeSpan? Eta)
{
    /// <summary>Computes the rate and ETA of <paramref name="job"/> at <paramref name="now"/>.</summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="now">The current time.</param>
    public static CollectionJobProgress From(CollectionJobRecord job, string collection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var end = job.EndedAt ?? now;
        var elapsed = job.StartedAt is { } started ? (end - started).TotalSeconds : 0;
        var processed = job.Done - job.DoneAtStart;
        double? rate = elapsed > 0.001 && processed > 0 ? processed / elapsed : null;
        TimeSpan? eta = job.Status == CollectionJobStatus.Running && rate is { } r
            ? TimeSpan.FromSeconds(Math.Max(0, job.Total - job.Done) / r)
            : null;
        return new CollectionJobProgress(job, collection, rate, eta);
    }
}
