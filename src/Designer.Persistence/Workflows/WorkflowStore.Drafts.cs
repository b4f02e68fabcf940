using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class WorkflowStore
{
    /// <inheritdoc />
    public async Task<DraftRecord?> GetDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.WorkflowDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.WorkflowId == id, cancellationToken);
        return draft is null ? null : DraftRecord.From(draft);
    }

    /// <inheritdoc />
    public async Task<SaveDraftResult> SaveDraftAsync(Guid id, string draftJson, string expectedETag, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draftJson);
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.WorkflowDrafts.SingleOrDefaultAsync(d => d.WorkflowId == id, cancellationToken);
        if (draft is null)
        {
            return new SaveDraftResult.NotFound();
        }

        if (!ETags.Matches(expectedETag, draft.ETag))
        {
            return new SaveDraftResult.Conflict(ETags.Format(draft.ETag));
        }

        // The UPDATE is conditional on the loaded ETag, so a concurrent save in between makes it affect no row.
        draft.DefinitionJson = draftJson;
        draft.UpdatedById = actor.Id;
        draft.UpdatedByName = actor.Name;
        draft.UpdatedAt = Clock.UtcNow(_timeProvider);
        draft.ETag = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.WorkflowDrafts.AsNoTracking()
                .Where(d => d.WorkflowId == id)
                .Select(d => (Guid?)d.ETag)
                .SingleOrDefaultAsync(cancellationToken);
            return current is { } token ? new SaveDraftResult.Conflict(ETags.Format(token)) : new SaveDraftResult.NotFound();
        }

        return new SaveDraftResult.Saved(ETags.Format(draft.ETag), draft.UpdatedAt);
    }
}
