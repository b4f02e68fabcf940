using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Audit;

namespace Designer.Persistence;

/// <summary>Signs the chain head for export and checks an exported checkpoint against the chain as it is now.</summary>
public sealed class AuditCheckpoints
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly IAuditLog _log;
    private readonly AuditCheckpointSigner _signer;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="log">Verifies the chain.</param>
    /// <param name="signer">Signs and verifies checkpoints.</param>
    /// <param name="timeProvider">Supplies the signing time.</param>
    public AuditCheckpoints(IDbContextFactory<DesignerDbContext> contextFactory, IAuditLog log, AuditCheckpointSigner signer, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _log = log;
        _signer = signer;
        _timeProvider = timeProvider;
    }

    /// <summary>A signed checkpoint of the chain's newest entry.</summary>
    public async Task<AuditCheckpoint> CreateAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return _signer.Sign(head?.Sequence ?? 0, head?.Hash ?? AuditHasher.GenesisHash, _timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Checks that the checkpoint is ours and unaltered, that the entry it anchors is still in the chain with the same
    /// hash (else the newest entries were cut off or rewritten), and that the whole chain still verifies.
    /// </summary>
    /// <param name="checkpoint">An exported checkpoint.</param>
    /// <returns>The verdict, with the reason in words when it fails.</returns>
    public async Task<AuditCheckpointVerification> VerifyAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (!_signer.Verify(checkpoint))
        {
            return new(false, $"The checkpoint's signature does not verify with this installation's audit key (key id {_signer.KeyId}): it was altered or signed with another key.", head);
        }

        if (checkpoint.Sequence > 0)
        {
            var anchored = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence == checkpoint.Sequence)
                .Select(e => e.Hash)
                .FirstOrDefaultAsync(cancellationToken);
            if (anchored is null)
            {
                return new(false, $"Entry {checkpoint.Sequence}, the head when the checkpoint was signed at {checkpoint.SignedAt:O}, is missing: the chain now ends at entry {head}, so its newest entries were removed.", head);
            }

            if (!string.Equals(anchored, checkpoint.Hash, StringComparison.Ordinal))
            {
                return new(false, $"Entry {checkpoint.Sequence} no longer has the hash the checkpoint anchored: the chain was rewritten up to it.", head);
            }
        }

        var chain = await _log.VerifyAsync(cancellationToken);
        return chain.IsValid
            ? new(true, null, head)
            : new(false, $"The checkpoint matches, but the chain is broken at entry {chain.FirstBrokenSequence}: {chain.Reason}", head);
    }
}
