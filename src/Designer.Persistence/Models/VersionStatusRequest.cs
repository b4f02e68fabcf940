namespace Designer.Persistence;

/// <summary>One requested status change of a registry version row, for <see cref="VersionStatusChange"/>.</summary>
/// <typeparam name="TRecord">The record the caller's rule and audit entry see.</typeparam>
/// <param name="Label">How messages name the registry ("Model", "Chat model").</param>
/// <param name="ModelId">The registry id of the version to change.</param>
/// <param name="Version">The version number to change.</param>
/// <param name="Status">The status to set.</param>
/// <param name="ChangedBy">The reviewer's id, stored on the row.</param>
/// <param name="Check">The caller's rule, run on the current row; a message refuses the change.</param>
/// <param name="Audit">Builds the audit entry written in the change's transaction.</param>
internal sealed record VersionStatusRequest<TRecord>(
    string Label, string ModelId, int Version, string Status, string ChangedBy, Func<TRecord, string?> Check, Func<TRecord, AuditDraft> Audit);
