namespace Designer.Persistence;

/// <summary>One case of a dataset.</summary>
/// <param name="Number">1-based number.</param>
/// <param name="InputJson">Run input.</param>
/// <param name="ExpectedEnd">Expected End node id.</param>
/// <param name="ExpectedOutputJson">Expected output fields (JSON object).</param>
/// <param name="Tags">Labels that let an evaluation report slices (e.g. <c>critical</c>).</param>
/// <param name="LabelSource">Where the label came from.</param>
public sealed record DatasetCaseRecord(
    int Number, string InputJson, string? ExpectedEnd, string? ExpectedOutputJson, IReadOnlyList<string> Tags,
    Guid? SourceRunId, string LabelSource)
{
    internal static DatasetCaseRecord From(DatasetCaseEntity e) =>
        new(e.Number, e.InputJson, e.ExpectedEnd, e.ExpectedOutputJson,
            System.Text.Json.JsonSerializer.Deserialize<string[]>(e.TagsJson) ?? [], e.SourceRunId, e.LabelSource);
}
