namespace Designer.Persistence;

/// <summary>What one purge call removed (also the data of its <c>retention.purged</c> audit entries).</summary>
/// <param name="Runs">Runs whose payloads were purged.</param>
/// <param name="VaultEntries">Vault entries deleted (values shredded).</param>
/// <param name="Checkpoints">Checkpoints deleted.</param>
/// <param name="TraceEvents">Trace events anonymised.</param>
/// <param name="Tasks">Human tasks anonymised.</param>
public sealed record RetentionPurge(int Runs, int VaultEntries, int Checkpoints, int TraceEvents, int Tasks);
