namespace Designer.Runtime.Grains;

/// <summary>
/// The nonces of the signed commands one run grain activation accepted (issue 14), kept while a command with them
/// could still pass the signer's staleness check (<see cref="GrainCallSigner.MaxAge"/> either side of its issue
/// time), so a captured command cannot be replayed within its validity window. The set is bounded by the commands
/// of the last few minutes and is lost when the grain deactivates: see <see cref="RunGrain"/> for why that is safe.
/// </summary>
internal sealed class GrainCommandNonces
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="nonce"/>; false when it was already recorded (a replay).</summary>
    /// <param name="nonce">The command's nonce.</param>
    /// <param name="issuedAt">Its issue time (Unix milliseconds), already checked against the staleness window.</param>
    /// <param name="now">The grain's clock (Unix milliseconds).</param>
    /// <returns>True the first time.</returns>
    public bool TryAccept(string nonce, long issuedAt, long now)
    {
        var window = (long)GrainCallSigner.MaxAge.TotalMilliseconds;
        lock (_gate)
        {
            // A nonce whose command is past the window can go: the signer refuses that command as stale anyway.
            foreach (var expired in _seen.Where(e => e.Value < now - window).Select(e => e.Key).ToList())
            {
                _seen.Remove(expired);
            }

            return _seen.TryAdd(nonce, issuedAt);
        }
    }
}
