using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Designer.Persistence;

/// <summary>
/// The tokens that stand for sensitive values in stored rows: <c>«email:kqzvbtmwhcrd»</c>. The id is random
/// lower-case letters (no digits, no <c>@</c>), so no PII detector matches a token and it says nothing about the value.
/// </summary>
public static partial class RunVaultTokens
{
    /// <summary>How many random letters follow the kind in a token: 24 letters to the power 12 keeps ids from colliding.</summary>
    public const int IdLength = 12;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz";

    /// <summary>
    /// Serialiser options that keep <c>«»</c>, accents and symbols as themselves: the default encoder writes
    /// <c>«</c>, which would hide tokens from every text scan (masks, retention, reveal).
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The token text for a kind and id.</summary>
    /// <param name="kind">The value's kind.</param>
    /// <param name="id">The token id.</param>
    public static string Format(string kind, string id) => $"«{kind}:{id}»";

    /// <summary>Replaces every token in <paramref name="text"/> by the plain mask of its kind (<c>[email]</c>).</summary>
    /// <param name="text">Text with tokens.</param>
    /// <returns>The text with masks.</returns>
    public static string ToMasks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('«', StringComparison.Ordinal) ? TokenPattern().Replace(text, m => $"[{m.Groups["kind"].Value}]") : text;
    }

    /// <summary>True when <paramref name="text"/> holds at least one token.</summary>
    /// <returns>Whether a token is present.</returns>
    public static bool ContainsToken(string text) => text.Contains('«', StringComparison.Ordinal) && TokenPattern().IsMatch(text);

    internal static string NewId() => RandomNumberGenerator.GetString(Alphabet, IdLength);

    internal static string Replace(string text, Func<string, string, string?> resolve) =>
        text.Contains('«', StringComparison.Ordinal)
            ? TokenPattern().Replace(text, m => resolve(m.Groups["kind"].Value, m.Groups["id"].Value) ?? m.Value)
            : text;

    // A bound against hostile input, wide enough that a paused thread on a loaded host does not fail a run's write.
    private const int MatchTimeoutMilliseconds = 2000;

    internal static Match MatchWhole(string text) => WholeTokenPattern().Match(text);

    [GeneratedRegex("«(?<kind>[a-z]{2,16}):(?<id>[a-z]{12})»", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^«(?<kind>[a-z]{2,16}):(?<id>[a-z]{12})»$", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex WholeTokenPattern();
}
