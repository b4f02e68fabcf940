namespace Designer.Persistence;

/// <summary>Audit actions of batches (entity type <c>workflow</c>, the batch id and counts in the data).</summary>
public static class BatchAuditActions
{
    /// <summary>A batch was uploaded and its rows stored.</summary>
    public const string Created = "workflow.batch.created";
}
