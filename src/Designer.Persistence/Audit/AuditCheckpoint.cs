using System.Globalization;
using System.Text;

namespace Designer.Persistence;

/// <summary>
/// A signed statement "the audit chain had this entry, with this hash, as its head at this time". Kept outside the
/// database (exported, or in the periodic checkpoint file and the log), it makes truncation of the newest entries
/// detectable: the chain alone cannot show that its tail was cut, a checkpoint naming a later entry can.
/// </summary>
/// <param name="Sequence">The head entry's sequence number (0 for an empty chain).</param>
/// <param name="Hash">The head entry's hash (the genesis hash for an empty chain).</param>
/// <param name="SignedAt">When the checkpoint was signed.</param>
/// <param name="KeyId">The first 16 hex digits of the SHA-256 of the signing key's public key (SubjectPublicKeyInfo).</param>
/// <param name="Signature">Base64 ECDSA P-256 / SHA-256 signature (IEEE P1363) of <see cref="SignedText"/>.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset SignedAt, string KeyId, string Signature)
{
    /// <summary>The exact text that is signed, so a third party can verify a checkpoint with the public key alone.</summary>
    public string SignedText => BuildSignedText(Sequence, Hash, SignedAt, KeyId);

    internal static string BuildSignedText(long sequence, string hash, DateTimeOffset signedAt, string keyId) =>
        string.Create(CultureInfo.InvariantCulture, $"designer-audit-checkpoint/v1\n{sequence}\n{hash}\n{signedAt.UtcDateTime:O}\n{keyId}");

    internal byte[] SignedBytes => Encoding.UTF8.GetBytes(SignedText);
}
