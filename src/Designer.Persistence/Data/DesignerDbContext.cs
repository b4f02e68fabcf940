using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Data;
using Designer.Persistence.Data.Configuration;

namespace Designer.Persistence;

/// <summary>
/// The Designer database: ASP.NET Core Identity (schema version 3, with passkeys; pinned by
/// <see cref="PersistenceServiceCollectionExtensions.AddDesignerPersistence"/>) plus workflows, drafts, versions
/// and the audit log. Provider-specific subclasses (<see cref="SqliteDesignerDbContext"/>,
/// <see cref="PostgresDesignerDbContext"/>) own the migrations.
/// </summary>
/// <remarks>
/// Saving renews the concurrency token of every modified workflow, draft and version row, and refuses
/// (<see cref="ImmutableVersionException"/>) to change a version's frozen content, to change or delete a published
/// version, or to change or delete an audit entry.
/// </remarks>
public abstract class DesignerDbContext : IdentityDbContext<DesignerUser>, IDataProtectionKeyContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options for the concrete provider context.</param>
    protected DesignerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Workflow headers; drafts and versions hang off them.</summary>
    public DbSet<WorkflowEntity> Workflows => Set<WorkflowEntity>();

    /// <summary>Workflow drafts (one per workflow).</summary>
    public DbSet<WorkflowDraftEntity> WorkflowDrafts => Set<WorkflowDraftEntity>();

    /// <summary>Submitted workflow versions.</summary>
    public DbSet<WorkflowVersionEntity> WorkflowVersions => Set<WorkflowVersionEntity>();

    /// <summary>The hash-chained audit log.</summary>
    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    /// <summary>Run rows (status, input, output); node history and tasks hang off them.</summary>
    public DbSet<RunEntity> Runs => Set<RunEntity>();

    /// <summary>MAF checkpoints of runs.</summary>
    public DbSet<RunCheckpointEntity> RunCheckpoints => Set<RunCheckpointEntity>();

    /// <summary>Trace events of runs.</summary>
    public DbSet<TraceEventEntity> TraceEvents => Set<TraceEventEntity>();

    /// <summary>Human tasks raised by gates.</summary>
    public DbSet<HumanTaskEntity> HumanTasks => Set<HumanTaskEntity>();

    /// <summary>Document collections for retrieval.</summary>
    public DbSet<CollectionEntity> Collections => Set<CollectionEntity>();

    /// <summary>Source documents of collections.</summary>
    public DbSet<CollectionDocumentEntity> CollectionDocuments => Set<CollectionDocumentEntity>();

    /// <summary>Background ingestion and re-embedding jobs.</summary>
    public DbSet<CollectionJobEntity> CollectionJobs => Set<CollectionJobEntity>();

    /// <summary>
    /// The ASP.NET Core data-protection key ring, shared by every web host on this database (cookies, bearer and
    /// refresh tokens, antiforgery); the key XML is encrypted by the web host before it is stored.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Evaluation datasets (one row per name and version).</summary>
    public DbSet<DatasetEntity> Datasets => Set<DatasetEntity>();

    /// <summary>Cases of evaluation datasets.</summary>
    public DbSet<DatasetCaseEntity> DatasetCases => Set<DatasetCaseEntity>();

    /// <summary>Offline shadow evaluations.</summary>
    public DbSet<EvaluationEntity> Evaluations => Set<EvaluationEntity>();

    /// <summary>Per-case results of evaluations.</summary>
    public DbSet<EvaluationCaseEntity> EvaluationCases => Set<EvaluationCaseEntity>();

    /// <summary>Sensitive values of runs, encrypted, behind the tokens stored in run rows (issue 14).</summary>
    public DbSet<RunVaultEntryEntity> RunVaultEntries => Set<RunVaultEntryEntity>();

    /// <summary>Failure budgets of workflows.</summary>
    public DbSet<WorkflowBudgetEntity> WorkflowBudgets => Set<WorkflowBudgetEntity>();

    /// <summary>Rollouts (canary and live shadow) of approved versions.</summary>
    public DbSet<RolloutEntity> Rollouts => Set<RolloutEntity>();

    /// <summary>Live inputs mirrored to a shadow rollout's candidate, with their results.</summary>
    public DbSet<RolloutShadowCaseEntity> RolloutShadowCases => Set<RolloutShadowCaseEntity>();

    /// <summary>Live runs mirrored to a shadow rollout and not yet processed.</summary>
    public DbSet<RolloutMirrorEntity> RolloutMirrors => Set<RolloutMirrorEntity>();

    /// <summary>API keys scoped to one workflow, for its webhook (issue 16).</summary>
    public DbSet<WorkflowApiKeyEntity> WorkflowApiKeys => Set<WorkflowApiKeyEntity>();

    /// <summary>Idempotent webhook deliveries: the caller's key and the run it started.</summary>
    public DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();

    /// <summary>Schedule triggers of workflows (issue 16).</summary>
    public DbSet<WorkflowScheduleEntity> WorkflowSchedules => Set<WorkflowScheduleEntity>();

    /// <summary>Claimed schedule occurrences: one row per (schedule, occurrence), the run it started.</summary>
    public DbSet<ScheduleOccurrenceEntity> ScheduleOccurrences => Set<ScheduleOccurrenceEntity>();

    /// <summary>Batches of run inputs uploaded from a file (issue 16).</summary>
    public DbSet<BatchEntity> Batches => Set<BatchEntity>();

    /// <summary>The rows of batches: one run each.</summary>
    public DbSet<BatchRowEntity> BatchRows => Set<BatchRowEntity>();

    /// <summary>The outbound notification outbox (issue 16).</summary>
    public DbSet<NotificationEntity> Notifications => Set<NotificationEntity>();

    /// <summary>The model registry's versions and their lifecycle, shared by every host (issue 14).</summary>
    public DbSet<ModelVersionEntity> ModelVersions => Set<ModelVersionEntity>();

    /// <summary>The chat-model registry's versions and their lifecycle, shared by every host (issue 14).</summary>
    public DbSet<ChatModelVersionEntity> ChatModelVersions => Set<ChatModelVersionEntity>();

    /// <summary>Where resumable maintenance jobs stopped (issue 14: the payload re-scan).</summary>
    public DbSet<MaintenanceProgressEntity> MaintenanceProgress => Set<MaintenanceProgressEntity>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new WorkflowConfiguration());
        builder.ApplyConfiguration(new WorkflowDraftConfiguration());
        builder.ApplyConfiguration(new WorkflowVersionConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new RunConfiguration());
        builder.ApplyConfiguration(new RunCheckpointConfiguration());
        builder.ApplyConfiguration(new TraceEventConfiguration());
        builder.ApplyConfiguration(new HumanTaskConfiguration());
        builder.ApplyConfiguration(new RunVaultEntryConfiguration());
        var collections = new CollectionConfiguration();
        builder.ApplyConfiguration<CollectionEntity>(collections);
        builder.ApplyConfiguration<CollectionDocumentEntity>(collections);
        builder.ApplyConfiguration<CollectionJobEntity>(collections);
        var evaluations = new EvaluationConfiguration();
        builder.ApplyConfiguration<DatasetEntity>(evaluations);
        builder.ApplyConfiguration<DatasetCaseEntity>(evaluations);
        builder.ApplyConfiguration<EvaluationEntity>(evaluations);
        builder.ApplyConfiguration<EvaluationCaseEntity>(evaluations);
        builder.ApplyConfiguration<WorkflowBudgetEntity>(evaluations);
        var rollouts = new RolloutConfiguration();
        builder.ApplyConfiguration<RolloutEntity>(rollouts);
        builder.ApplyConfiguration<RolloutShadowCaseEntity>(rollouts);
        builder.ApplyConfiguration<RolloutMirrorEntity>(rollouts);
        var triggers = new TriggerConfiguration();
        builder.ApplyConfiguration<WorkflowApiKeyEntity>(triggers);
        builder.ApplyConfiguration<WebhookDeliveryEntity>(triggers);
        var schedules = new ScheduleConfiguration();
        builder.ApplyConfiguration<WorkflowScheduleEntity>(schedules);
        builder.ApplyConfiguration<ScheduleOccurrenceEntity>(schedules);
        var batches = new BatchConfiguration();
        builder.ApplyConfiguration<BatchEntity>(batches);
        builder.ApplyConfiguration<BatchRowEntity>(batches);
        builder.ApplyConfiguration(new NotificationConfiguration());
        builder.ApplyConfiguration(new ModelVersionConfiguration());
        builder.ApplyConfiguration(new ChatModelVersionConfiguration());
        builder.ApplyConfiguration(new MaintenanceProgressConfiguration());
    }

    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case WorkflowVersionEntity version:
                    SaveRules.CheckVersion(entry, version);
                    break;
                case AuditEntryEntity audit when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw new ImmutableVersionException($"Audit entry {audit.Sequence} is append-only and cannot be changed or deleted.");
                default:
                    break;
            }

            if (entry.State == EntityState.Modified && entry.Entity is IConcurrencyTracked tracked)
            {
                tracked.RenewConcurrencyToken();
            }
        }
    }
}
