using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Designer.Web.Triggers;

/// <summary>
/// The optional HMAC of a webhook delivery (issue 16): <c>X-Designer-Timestamp: &lt;unix seconds&gt;</c> and
/// <c>X-Designer-Signature: sha256=&lt;hex HMAC-SHA256 of "timestamp.body"&gt;</c>. The timestamp is signed with the
/// body, so a captured delivery cannot be replayed with a fresh timestamp; older than <see cref="Tolerance"/> (either
/// way) is refused.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-Designer-Signature";
    public const string TimestampHeader = "X-Designer-Timestamp";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header value for a body signed at a time (for callers and tests).</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>Why the delivery's signature is not acceptable; null when it is.</summary>
    public static string? Check(string secret, string? timestampHeader, string? signatureHeader, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return $"This key requires signed deliveries: send {TimestampHeader} and {SignatureHeader}.";
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"{TimestampHeader} must be Unix time in seconds.";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > Tolerance)
        {
            return $"{TimestampHeader} is more than {Tolerance.TotalMinutes:0} minutes from the server's time; the delivery is refused as a possible replay.";
        }

        if (!signatureHeader.StartsWith("sha256=", StringComparison.Ordinal) || signatureHeader.Length != 7 + 64)
        {
            return $"{SignatureHeader} must be sha256=<64 hex digits>.";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(7));
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} must be sha256=<64 hex digits>.";
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body)) ? null : "The signature does not match the body.";
    }

    private static byte[] Mac(string secret, long timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
}
