namespace Designer.Persistence;

/// <summary>Well-known audit actions. Other modules may append their own (e.g. <c>model.approved</c>).</summary>
public static class AuditActions
{
    /// <summary>A workflow was created.</summary>
    public const string WorkflowCreated = "workflow.created";

    /// <summary>A workflow was created from an imported definition.</summary>
    public const string WorkflowImported = "workflow.imported";

    /// <summary>A draft was frozen into a new version awaiting approval.</summary>
    public const string VersionSubmitted = "version.submitted";

    /// <summary>A version was approved, published and activated.</summary>
    public const string VersionApproved = "version.approved";

    /// <summary>A version was rejected.</summary>
    public const string VersionRejected = "version.rejected";

    /// <summary>A published version was (re)activated: rollback or roll-forward.</summary>
    public const string VersionActivated = "version.activated";

    /// <summary>A human task was decided (with the reviewer's correction's hash when a draft was edited).</summary>
    public const string TaskDecided = "task.decided";

    /// <summary>A pii-reader revealed a sensitive field of a run (issue 14).</summary>
    public const string RunPiiRevealed = "run.pii.revealed";

    /// <summary>Retention purged the payloads of finished runs (issue 14); the data holds counts only.</summary>
    public const string RetentionPurged = "retention.purged";

    /// <summary>
    /// The one-time re-scan tokenised the payloads stored before the vault existed (issue 14); written once, when it
    /// finishes, with counts only.
    /// </summary>
    public const string RunPayloadsRescanned = "run.pii.rescanned";

    /// <summary>
    /// A run was started (issue 14): written in the transaction that inserts the run row; the data holds the workflow
    /// id, version and trigger kind, never the input. Evaluation shadow runs write no run row and no entry.
    /// </summary>
    public const string RunStarted = "run.started";

    /// <summary>An operator cancelled a run (issue 14): written in the transaction of the cancel transition.</summary>
    public const string RunCancelled = "run.cancelled";

    /// <summary>A failed or cancelled run sent the compensating calls of its successful actions (issue 16).</summary>
    public const string RunCompensated = "run.compensated";

    /// <summary>A retrieval collection was created (issue 14: collection operations are audited with the change).</summary>
    public const string CollectionCreated = "collection.created";

    /// <summary>A collection was deleted with its documents and jobs.</summary>
    public const string CollectionDeleted = "collection.deleted";

    /// <summary>Documents were added to or replaced in a collection and an ingestion job queued.</summary>
    public const string CollectionDocumentsAdded = "collection.documents.added";

    /// <summary>Re-embedding of a collection with another model or version was queued.</summary>
    public const string CollectionReembedStarted = "collection.reembed.started";

    /// <summary>A collection's settings (hybrid dense weight) changed.</summary>
    public const string CollectionSettingsChanged = "collection.settings.changed";

    /// <summary>
    /// The entity type of collection entries; the entity id is the collection's name (what workflows reference, so
    /// a reused name shows the whole history under it), the data holds its id.
    /// </summary>
    public const string CollectionEntityType = "collection";

    /// <summary>The entity type of run-scoped entries; the entity id is <c>runId/nodeId</c>.</summary>
    public const string RunEntityType = "run";

    /// <summary>The entity type used for every workflow governance entry; the entity id is the workflow id.</summary>
    public const string WorkflowEntityType = "workflow";
}
