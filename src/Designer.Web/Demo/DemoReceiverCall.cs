namespace Designer.Web.Demo;

/// <summary>One call the Development demo receiver got, as shown on <c>/demo/receiver</c>.</summary>
/// <param name="Sequence">1, 2, … in arrival order.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, or null when none was sent.</param>
/// <param name="Body">The request body (cut at <see cref="DemoReceiver.MaxBodyChars"/> characters).</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Status">What the receiver answered.</param>
/// <param name="Replayed">True when the key had been seen: the first result was replayed and no new effect made.</param>
/// <param name="RefundId">The refund the call created, replayed or reversed.</param>
public sealed record DemoReceiverCall(
    long Sequence, string Method, string Path, string? IdempotencyKey, string Body, DateTimeOffset ReceivedAt, int Status, bool Replayed, string? RefundId);
