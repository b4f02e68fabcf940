namespace Designer.Persistence;

/// <summary>How the audit chain is anchored (<c>Designer:Audit</c>), validated on start.</summary>
public sealed class AuditOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Audit__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Audit";

    /// <summary>
    /// The ECDSA P-256 private key (PKCS#8 or SEC1 PEM) that signs checkpoints of the chain head. Set it from a secret
    /// store and give every host of a cluster the same key; when unset, each host creates one in
    /// <see cref="SigningKeyFile"/> on first use.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Where a generated key is kept, relative to the data directory; used only when no PEM is configured.</summary>
    public string SigningKeyFile { get; set; } = "audit/checkpoint-signing-key.pem";

    /// <summary>
    /// How often a signed checkpoint of the head is written to <see cref="CheckpointFile"/> and the log, so a copy of
    /// the head lives outside the database; zero turns the periodic checkpoint off (export on demand still works).
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The append-only JSON-lines file of periodic checkpoints, relative to the data directory.</summary>
    public string CheckpointFile { get; set; } = "audit/checkpoints.jsonl";
}
