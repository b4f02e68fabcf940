namespace Designer.Web.Evaluations;

/// <summary>A dataset as the API shows it.</summary>
internal sealed record DatasetResponse(
    Guid Id, string Name, int Version, Guid WorkflowId, string? Description, int CaseCount, bool Frozen, DateTimeOffset? UsedAt,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<DatasetCaseResponse>? Cases = null, int? SkippedRuns = null)
{
    public static DatasetResponse From(DatasetRecord d, IReadOnlyList<DatasetCaseRecord>? cases = null, int? skipped = null) =>
        new(d.Id, d.Name, d.Version, d.WorkflowId, d.Description, d.CaseCount, d.IsFrozen, d.UsedAt, d.CreatedByName, d.CreatedAt,
            cases?.Select(DatasetCaseResponse.From).ToList(), skipped);
}
