namespace Designer.Persistence;

/// <summary>The new secret material of a key (created or rotated); the store keeps only what it is given here.</summary>
/// <param name="Prefix">Visible start of the key.</param>
/// <param name="SecretHash">Hex SHA-256 of the whole key.</param>
/// <param name="SigningSecretProtected">Encrypted HMAC secret, or null for unsigned deliveries.</param>
public sealed record WorkflowApiKeySecret(string Prefix, string SecretHash, string? SigningSecretProtected);
