namespace Designer.Persistence;

/// <summary>The outcome of walking the audit chain.</summary>
/// <param name="IsValid">True when every entry verified.</param>
/// <param name="EntriesChecked">Entries that verified before the walk stopped (all of them when valid).</param>
/// <param name="FirstBrokenSequence">
/// The lowest sequence number whose entry is missing or fails verification (an edited entry, the first entry after
/// a deletion gap, or the first of reordered entries); null when valid.
/// </param>
/// <param name="Reason">Why the chain is broken; null when valid.</param>
public sealed record AuditVerification(bool IsValid, long EntriesChecked, long? FirstBrokenSequence, string? Reason);
