namespace Designer.Persistence;

/// <summary>A workflow's editable draft.</summary>
/// <param name="DefinitionJson">The draft definition as JSON.</param>
/// <param name="ETag">Opaque token to pass back to <see cref="IWorkflowStore.SaveDraftAsync"/>; changes on every save.</param>
/// <param name="UpdatedById">Id of the last editor.</param>
/// <param name="UpdatedByName">Name of the last editor.</param>
/// <param name="UpdatedAt">Time of the last save (UTC).</param>
public sealed record DraftRecord(
    Guid WorkflowId,
    string DefinitionJson,
    string ETag,
    string UpdatedById,
    string UpdatedByName,
    DateTimeOffset UpdatedAt)
{
    internal static DraftRecord From(WorkflowDraftEntity d) =>
        new(d.WorkflowId, d.DefinitionJson, ETags.Format(d.ETag), d.UpdatedById, d.UpdatedByName, d.UpdatedAt);
}
