using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence.Data;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IWorkflowApiKeyStore"/> for SQLite and PostgreSQL.</summary>
public sealed class WorkflowApiKeyStore : IWorkflowApiKeyStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    public WorkflowApiKeyStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<OperationResult<WorkflowApiKeyRecord>> CreateAsync(Guid workflowId, string name, WorkflowApiKeySecret secret, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedRowChange.AddToWorkflowAsync(db, _timeProvider, workflowId, now =>
        {
            var entity = new WorkflowApiKeyEntity
            {
                Id = Guid.CreateVersion7(now),
                WorkflowId = workflowId,
                Name = name,
                Prefix = secret.Prefix,
                SecretHash = secret.SecretHash,
                SigningSecretProtected = secret.SigningSecretProtected,
                CreatedById = actor.Id,
                CreatedByName = actor.Name,
                CreatedAt = now,
            };
            db.WorkflowApiKeys.Add(entity);
            return Audited(entity, actor, TriggerAuditActions.ApiKeyCreated);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowApiKeyRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkflowApiKeys.AsNoTracking().Where(k => k.WorkflowId == workflowId).ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by DateTimeOffset.
        return [.. rows.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Select(WorkflowApiKeyRecord.From)];
    }

    /// <inheritdoc />
    public Task<OperationResult<WorkflowApiKeyRecord>> RotateAsync(Guid workflowId, Guid keyId, WorkflowApiKeySecret secret, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return ChangeAsync(workflowId, keyId, actor, TriggerAuditActions.ApiKeyRotated, (key, now) =>
        {
            key.Prefix = secret.Prefix;
            key.SecretHash = secret.SecretHash;
            key.SigningSecretProtected = secret.SigningSecretProtected;
            key.RotatedAt = now;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OperationResult<WorkflowApiKeyRecord>> RevokeAsync(Guid workflowId, Guid keyId, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(workflowId, keyId, actor, TriggerAuditActions.ApiKeyRevoked, (key, now) => key.RevokedAt = now, cancellationToken);

    /// <inheritdoc />
    public async Task<WorkflowApiKeyCredential?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.WorkflowApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return row is null ? null : new WorkflowApiKeyCredential(WorkflowApiKeyRecord.From(row), row.SecretHash, row.SigningSecretProtected);
    }

    /// <inheritdoc />
    public async Task TouchAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var now = Clock.UtcNow(_timeProvider);

        // A bulk update: no concurrency token to fight over with a rotate or revoke in flight.
        await db.WorkflowApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WebhookClaim> ClaimDeliveryAsync(Guid workflowId, string idempotencyKey, string bodyHash, Guid apiKeyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        db.WebhookDeliveries.Add(new WebhookDeliveryEntity
        {
            WorkflowId = workflowId,
            IdempotencyKey = idempotencyKey,
            BodyHash = bodyHash,
            ApiKeyId = apiKeyId,
            ReceivedAt = Clock.UtcNow(_timeProvider),
        });
        try
        {
            // The primary key decides between concurrent deliveries: exactly one insert wins.
            await db.SaveChangesAsync(cancellationToken);
            return new WebhookClaim.Claimed();
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateException ex) when (DbErrors.IsForeignKeyViolation(ex))
        {
            return new WebhookClaim.WorkflowNotFound();
        }

        var first = await db.WebhookDeliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.WorkflowId == workflowId && d.IdempotencyKey == idempotencyKey, cancellationToken);
        if (first is null)
        {
            // Released between our insert and this read: the earlier start was refused, so claim again.
            return await ClaimDeliveryAsync(workflowId, idempotencyKey, bodyHash, apiKeyId, cancellationToken);
        }

        return first.BodyHash == bodyHash ? new WebhookClaim.Repeated(first.RunId) : new WebhookClaim.BodyMismatch();
    }

    /// <inheritdoc />
    public async Task CompleteDeliveryAsync(Guid workflowId, string idempotencyKey, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.WorkflowId == workflowId && d.IdempotencyKey == idempotencyKey)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RunId, runId), cancellationToken);
    }

    /// <inheritdoc />
    public async Task ReleaseDeliveryAsync(Guid workflowId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.WorkflowId == workflowId && d.IdempotencyKey == idempotencyKey && d.RunId == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<OperationResult<WorkflowApiKeyRecord>> ChangeAsync(
        Guid workflowId, Guid keyId, Actor actor, string action, Action<WorkflowApiKeyEntity, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedRowChange.RunAsync(
            db,
            _timeProvider,
            db.WorkflowApiKeys,
            k => k.Id == keyId && k.WorkflowId == workflowId,
            $"Workflow {workflowId} has no API key {keyId}.",
            "The API key was changed concurrently; reload and try again.",
            key =>
            {
                if (key.RevokedAt is not null)
                {
                    return Refuse(OperationErrorKind.InvalidState, $"API key {key.Prefix} was revoked at {key.RevokedAt:O}; create a new one.");
                }

                change(key, Clock.UtcNow(_timeProvider));
                return Audited(key, actor, action);
            },
            cancellationToken);
    }

    private static AuditedOutcome<OperationResult<WorkflowApiKeyRecord>> Audited(WorkflowApiKeyEntity key, Actor actor, string action)
    {
        var data = new JsonObject
        {
            ["keyId"] = key.Id.ToString("D"),
            ["name"] = key.Name,
            ["prefix"] = key.Prefix,
            ["signed"] = key.SigningSecretProtected is not null,
        };
        var entry = new AuditDraft(actor, action, AuditActions.WorkflowEntityType, key.WorkflowId.ToString("D"), data);
        return new AuditedOutcome<OperationResult<WorkflowApiKeyRecord>>(OperationResults.Success(WorkflowApiKeyRecord.From(key)), [entry]);
    }

    private static AuditedOutcome<OperationResult<WorkflowApiKeyRecord>> Refuse(OperationErrorKind kind, string message) =>
        AuditedRowChange.Refuse<WorkflowApiKeyRecord>(kind, message);
}
