using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Designer.Runtime.Rollouts;

/// <summary>
/// The deterministic canary split: a run key lands on the candidate when its bucket (0–9,999) is below
/// <c>percent × 100</c>. The bucket is a hash of the rollout id and the key, so a retried start with the same key
/// lands on the same side, while a later rollout re-draws the sides instead of always canarying the same keys.
/// </summary>
public static class RolloutSplit
{
    /// <summary>Buckets per rollout (0.01 % resolution).</summary>
    public const int Buckets = 10_000;

    /// <summary>The key's bucket within the rollout.</summary>
    /// <param name="runKey">The run key (idempotency key).</param>
    /// <returns>0 to <see cref="Buckets"/> − 1.</returns>
    public static int Bucket(Guid rolloutId, string runKey)
    {
        ArgumentNullException.ThrowIfNull(runKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(rolloutId.ToString("N") + ":" + runKey), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }

    /// <summary>Whether the key goes to the candidate.</summary>
    /// <param name="percent">The candidate's share, 0–100.</param>
    /// <returns>True for the candidate side.</returns>
    public static bool IsCandidate(Guid rolloutId, string runKey, int percent) => Bucket(rolloutId, runKey) < percent * (Buckets / 100);
}
