using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Designer.Persistence.Audit;

/// <summary>Computes an audit entry's hash over a canonical, length-prefixed serialisation.</summary>
/// <remarks>
/// Fields, in order: sequence (invariant decimal), timestamp (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, UTC), actor id,
/// actor name, action, entity type, entity id, data JSON, previous hash. Each field is written as its UTF-8 byte
/// length in decimal, a colon, the bytes and a newline; a null data JSON is written as <c>-1:</c> and a newline.
/// The hash is SHA-256 in lowercase hex.
/// </remarks>
internal static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Compute(AuditEntryEntity entry)
    {
        var builder = new StringBuilder(256);
        Append(builder, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, FormatTimestamp(entry.Timestamp));
        Append(builder, entry.ActorId);
        Append(builder, entry.ActorName);
        Append(builder, entry.Action);
        Append(builder, entry.EntityType);
        Append(builder, entry.EntityId);
        Append(builder, entry.DataJson);
        Append(builder, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:\n");
            return;
        }

        builder.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':')
            .Append(value)
            .Append('\n');
    }
}
