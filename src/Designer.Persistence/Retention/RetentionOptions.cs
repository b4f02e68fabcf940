namespace Designer.Persistence;

/// <summary>How long run payloads are kept (<c>Designer:Retention</c>), validated on start.</summary>
public sealed class RetentionOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Retention__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Retention";

    /// <summary>
    /// Days after a run ended before its payloads are purged (vault shredded, rows anonymised); 0 keeps them forever.
    /// </summary>
    public int RunPayloadDays { get; set; }

    /// <summary>How often the purge looks for runs past the period.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Runs purged per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Issue 14: re-scan, once, the run payloads stored before the vault existed and tokenise their PII
    /// (<see cref="RunPayloadRescan"/>, batches of <see cref="BatchSize"/>, retried every <see cref="SweepInterval"/>).
    /// </summary>
    public bool RescanStoredPayloads { get; set; } = true;
}
