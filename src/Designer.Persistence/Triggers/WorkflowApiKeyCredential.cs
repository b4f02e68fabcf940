namespace Designer.Persistence;

/// <summary>What authenticating a key needs: its hash and (encrypted) signing secret.</summary>
/// <param name="Key">The key as callers see it (name, prefix, state), without its secrets.</param>
/// <param name="SecretHash">Hex SHA-256 of the whole key.</param>
/// <param name="SigningSecretProtected">Encrypted HMAC secret, if deliveries are signed.</param>
public sealed record WorkflowApiKeyCredential(WorkflowApiKeyRecord Key, string SecretHash, string? SigningSecretProtected);
