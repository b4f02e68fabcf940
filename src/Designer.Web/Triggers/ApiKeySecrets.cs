using System.Security.Cryptography;
using System.Text;

namespace Designer.Web.Triggers;

/// <summary>
/// Workflow API keys (issue 16): <c>dsk_&lt;12 lookup chars&gt;_&lt;43 secret chars&gt;</c>. The first part is the
/// visible prefix the store finds the key by; the whole key carries 256 random bits, so a plain SHA-256 of it is a
/// safe stored form (no password stretching needed), compared in constant time.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Scheme = "dsk_";
    private const int LookupLength = 12;
    private const string LookupAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A fresh key and its prefix.</summary>
    public static (string Key, string Prefix) NewKey()
    {
        var prefix = Scheme + RandomNumberGenerator.GetString(LookupAlphabet, LookupLength);
        return (prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32)), prefix);
    }

    /// <summary>A fresh HMAC signing secret (shown once, like the key).</summary>
    public static string NewSigningSecret() => "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The prefix of a presented key; null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length > 200 || !key.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('_', Scheme.Length);
        return end == Scheme.Length + LookupLength ? key[..end] : null;
    }

    /// <summary>Whether the presented key hashes to the stored hash, in time independent of where they differ.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
