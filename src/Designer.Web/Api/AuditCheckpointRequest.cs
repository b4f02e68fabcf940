namespace Designer.Web.Api;

/// <summary>An exported <see cref="AuditCheckpoint"/> sent back for verification; every field is required.</summary>
/// <param name="Sequence">The anchored head entry's sequence.</param>
/// <param name="Hash">The anchored head entry's hash.</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="KeyId">The signing key's id.</param>
/// <param name="Signature">The base64 signature.</param>
internal sealed record AuditCheckpointRequest(long? Sequence, string? Hash, DateTimeOffset? SignedAt, string? KeyId, string? Signature)
{
    /// <summary>The checkpoint, or every missing or malformed field as a problem.</summary>
    public AuditCheckpoint? ToCheckpoint(List<ValidationProblem> problems)
    {
        Require(Sequence is >= 0, "sequence", "'sequence' is required and must be 0 or more.", problems);
        Require(Hash is { Length: 64 } && Hash.All(char.IsAsciiHexDigitLower), "hash", "'hash' is required: 64 lower-case hex digits.", problems);
        Require(SignedAt is not null, "signedAt", "'signedAt' is required (ISO 8601).", problems);
        Require(KeyId is { Length: 16 }, "keyId", "'keyId' is required: 16 hex digits.", problems);
        Require(!string.IsNullOrWhiteSpace(Signature) && Signature.Length <= 200, "signature", "'signature' is required (base64).", problems);
        return problems.Count == 0 ? new AuditCheckpoint(Sequence!.Value, Hash!, SignedAt!.Value, KeyId!, Signature!) : null;
    }

    private static void Require(bool ok, string field, string message, List<ValidationProblem> problems)
    {
        if (!ok)
        {
            problems.Add(new ValidationProblem("checkpoint.invalid", message, Field: field));
        }
    }
}
