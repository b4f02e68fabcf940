using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Designer.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Grains;

/// <summary>
/// Signs the commands the web host sends to a run's grain and checks them in the grain (issue 14): HMAC-SHA256 over
/// the grain key, the command's fields, the actor and the issue time, with <c>Designer:Runtime:GrainCallKey</c>. In
/// Redis clustering any machine that reaches the silo port could otherwise call the grain as anyone; without the key
/// it cannot produce a signature, and a captured command is refused once stale. Without a configured key (Localhost,
/// one silo) the key is random per process, shared by every silo of the process (test clusters included).
/// </summary>
public sealed class GrainCallSigner
{
    /// <summary>How old (or how far in the future, for clock skew) a command may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer with the configured key, or the per-process key when none is configured.</summary>
    /// <param name="options">Runtime options (the key, validated on start).</param>
    /// <param name="time">The clock of issue times and staleness.</param>
    public GrainCallSigner(IOptions<RuntimeOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = string.IsNullOrWhiteSpace(options.Value.GrainCallKey) ? ProcessKey : Convert.FromBase64String(options.Value.GrainCallKey);
        _time = time;
    }

    /// <summary>The current time, as the issue time of a command about to be signed.</summary>
    /// <returns>Now, in Unix milliseconds.</returns>
    public long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Signs a command.</summary>
    /// <param name="grainKey">The run (the grain's key).</param>
    /// <param name="command">The command's name and fields, in a fixed order.</param>
    /// <param name="issuedAt">Issue time (Unix milliseconds).</param>
    /// <returns>The signature, base64.</returns>
    public string Sign(Guid grainKey, IReadOnlyList<string?> command, long issuedAt) =>
        Convert.ToBase64String(Mac(grainKey, command, issuedAt));

    /// <summary>Whether a command is signed with this key and not stale.</summary>
    /// <param name="command">The command's name and fields, in the order they were signed.</param>
    /// <param name="issuedAt">The command's issue time (Unix milliseconds).</param>
    /// <param name="signature">The command's signature, or null.</param>
    /// <returns>Null when valid; else why it is refused (never quotes the key).</returns>
    public string? Check(Guid grainKey, IReadOnlyList<string?> command, long issuedAt, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return "The command is not signed.";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(issuedAt, 0, 253_402_300_799_999));
        if (age.Duration() > MaxAge)
        {
            return "The command is stale.";
        }

        var given = new byte[32];
        if (!Convert.TryFromBase64String(signature, given, out var length) || length != given.Length)
        {
            return "The command's signature is not valid.";
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(grainKey, command, issuedAt)) ? null : "The command's signature is not valid.";
    }

    /// <summary>Signs a decision for the run <paramref name="runId"/>, issued now.</summary>
    /// <param name="runId">The run (the grain's key).</param>
    public RunGrainDecision Sign(Guid runId, RunGrainDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var issuedAt = Now();
        var unique = decision with { IssuedAt = issuedAt, Nonce = NewNonce() };
        return unique with { Signature = Sign(runId, unique.SignedFields(), issuedAt) };
    }

    /// <summary>Signs a cancel of the run <paramref name="runId"/>, issued now.</summary>
    /// <param name="runId">The run (the grain's key).</param>
    public RunGrainCancel Sign(Guid runId, RunGrainCancel cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        var issuedAt = Now();
        var unique = cancel with { IssuedAt = issuedAt, Nonce = NewNonce() };
        return unique with { Signature = Sign(runId, unique.SignedFields(), issuedAt) };
    }

    /// <summary>A fresh nonce: 128 random bits, so two commands never share one.</summary>
    /// <returns>The nonce (base64).</returns>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    private byte[] Mac(Guid grainKey, IReadOnlyList<string?> command, long issuedAt)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Length-prefixed fields, so no two different commands serialise to the same bytes.
        using var buffer = new MemoryStream();
        Span<byte> number = stackalloc byte[8];
        buffer.Write(grainKey.ToByteArray());
        BinaryPrimitives.WriteInt64BigEndian(number, issuedAt);
        buffer.Write(number);
        foreach (var field in command)
        {
            var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt64BigEndian(number, field is null ? -1 : bytes.Length);
            buffer.Write(number);
            buffer.Write(bytes);
        }

        return HMACSHA256.HashData(_key, buffer.ToArray());
    }
}
