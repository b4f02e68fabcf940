using System.Security.Cryptography;
using System.Text;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// Qdrant point ids must be unsigned integers or UUIDs; Designer ids are arbitrary strings. Each id maps to a
/// name-based UUID (RFC 9562 version 5: SHA-1 over a fixed namespace and the UTF-8 id), so the same id always
/// addresses the same point, and the original id travels in the payload.
/// </summary>
public static class QdrantPointIds
{
    private static readonly byte[] Namespace = Guid.Parse("6f1c1f3e-8f3a-4d55-9d7a-2f3b0c5e9a11").ToByteArray(bigEndian: true);

    /// <summary>The UUID for a Designer id, in Qdrant's string form.</summary>
    /// <param name="id">The Designer id.</param>
    /// <returns>A lower-case hyphenated UUID.</returns>
    public static string ToUuid(string id) => ToGuid(id).ToString("D");

    /// <summary>The UUID for a Designer id.</summary>
    /// <param name="id">The Designer id.</param>
    /// <returns>The version-5 UUID.</returns>
    public static Guid ToGuid(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = Encoding.UTF8.GetBytes(id);
        var input = new byte[Namespace.Length + name.Length];
        Namespace.CopyTo(input, 0);
        name.CopyTo(input, Namespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version-5 UUIDs; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
