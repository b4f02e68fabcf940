namespace Designer.Persistence;

/// <summary>The outcome of checking an exported checkpoint against the chain as it is now.</summary>
/// <param name="IsValid">True when the signature is ours, the chain still holds the anchored entry with that hash, and the chain up to it verifies.</param>
/// <param name="Reason">Why not, in words; null when valid.</param>
/// <param name="ChainHead">The sequence of the chain's newest entry now.</param>
public sealed record AuditCheckpointVerification(bool IsValid, string? Reason, long ChainHead);
