namespace Designer.Retrieval.Qdrant;

/// <summary>How to reach Qdrant's gRPC API (port 6334 by default; the REST port 6333 does not speak gRPC).</summary>
public sealed record QdrantConnectionSettings
{
    /// <summary>The gRPC endpoint, e.g. <c>http://qdrant:6334/</c>; <c>https</c> turns TLS on.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Sent as the <c>api-key</c> metadata of every call, or <see langword="null"/>. Comes from configuration only.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// SHA-256 thumbprint (hex) of the server certificate to accept when it is not trusted by the machine (self-signed);
    /// <see langword="null"/> keeps the platform's normal certificate validation.
    /// </summary>
    public string? CertificateThumbprint { get; init; }

    /// <summary>The deadline of each call; 30 seconds by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
