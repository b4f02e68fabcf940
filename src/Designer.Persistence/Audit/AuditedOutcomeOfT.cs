namespace Designer.Persistence;

/// <summary>What an audited change produced: its result, and the entries to record (none = refused, roll back).</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="Result">The change's result.</param>
/// <param name="Entries">The audit entries that record it.</param>
public sealed record AuditedOutcome<T>(T Result, IReadOnlyList<AuditDraft> Entries);
