namespace Designer.Web.Demo;

/// <summary>
/// The in-memory state of the Development demo receiver (issue 16): the last <see cref="Capacity"/> calls, and the
/// effects — refunds issued and reversed — deduplicated by <c>Idempotency-Key</c> as a payments API does, so a retried
/// or recovered action is answered with its first result and makes no second refund. Thread-safe; lost on restart.
/// </summary>
public sealed class DemoReceiver(TimeProvider time)
{
    /// <summary>How many calls (and effects) are kept; older ones are dropped.</summary>
    public const int Capacity = 200;

    /// <summary>Longest body kept per call.</summary>
    public const int MaxBodyChars = 4096;

    private readonly Lock _gate = new();
    private readonly LinkedList<DemoReceiverCall> _calls = new();
    private readonly Dictionary<string, (int Status, string RefundId)> _effects = new(StringComparer.Ordinal);
    private readonly Queue<string> _effectOrder = new();
    private readonly HashSet<string> _reversed = new(StringComparer.Ordinal);
    private long _sequence;
    private long _refunds;

    /// <summary>Refunds issued (one per idempotency key).</summary>
    public int RefundsIssued
    {
        get
        {
            lock (_gate)
            {
                return _effects.Count(e => !e.Key.StartsWith("reverse:", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The kept calls, newest first.</summary>
    public IReadOnlyList<DemoReceiverCall> Calls()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    /// <summary>Issues a refund, once per idempotency key (a call without one always makes a new refund).</summary>
    /// <param name="path">Request path.</param>
    /// <param name="idempotencyKey">The key, or null.</param>
    /// <param name="body">The request body.</param>
    /// <returns>The recorded call.</returns>
    public DemoReceiverCall Refund(string path, string? idempotencyKey, string body)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _effects.TryGetValue(idempotencyKey, out var first))
            {
                return Record("POST", path, idempotencyKey, body, first.Status, replayed: true, first.RefundId);
            }

            var refundId = $"rf-{++_refunds:D4}";
            if (idempotencyKey is not null)
            {
                Remember(idempotencyKey, (201, refundId));
            }

            return Record("POST", path, idempotencyKey, body, 201, replayed: false, refundId);
        }
    }

    /// <summary>Reverses a refund (the action's compensation), once per idempotency key.</summary>
    /// <param name="path">Request path.</param>
    /// <param name="refundId">The refund to reverse.</param>
    /// <param name="idempotencyKey">The key, or null.</param>
    /// <param name="body">The request body.</param>
    /// <returns>The recorded call: 404 when the refund is unknown.</returns>
    public DemoReceiverCall Reverse(string path, string refundId, string? idempotencyKey, string body)
    {
        lock (_gate)
        {
            var effectKey = idempotencyKey is null ? null : "reverse:" + idempotencyKey;
            if (effectKey is not null && _effects.TryGetValue(effectKey, out var first))
            {
                return Record("DELETE", path, idempotencyKey, body, first.Status, replayed: true, first.RefundId);
            }

            var known = _effects.Values.Any(e => e.RefundId == refundId) && !_reversed.Contains(refundId);
            var status = known ? 200 : 404;
            if (known)
            {
                _reversed.Add(refundId);
            }

            if (effectKey is not null)
            {
                Remember(effectKey, (status, refundId));
            }

            return Record("DELETE", path, idempotencyKey, body, status, replayed: false, refundId);
        }
    }

    private void Remember(string key, (int Status, string RefundId) effect)
    {
        _effects[key] = effect;
        _effectOrder.Enqueue(key);
        while (_effectOrder.Count > Capacity)
        {
            // A forgotten refund can no longer be reversed, so its reversal mark goes too: both sets stay bounded.
            var dropped = _effectOrder.Dequeue();
            if (_effects.Remove(dropped, out var forgotten) && !dropped.StartsWith("reverse:", StringComparison.Ordinal))
            {
                _reversed.Remove(forgotten.RefundId);
            }
        }
    }

    private DemoReceiverCall Record(string method, string path, string? key, string body, int status, bool replayed, string? refundId)
    {
        var call = new DemoReceiverCall(
            ++_sequence, method, path, key, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, time.GetUtcNow(), status, replayed, refundId);
        _calls.AddFirst(call);
        while (_calls.Count > Capacity)
        {
            _calls.RemoveLast();
        }

        return call;
    }
}
