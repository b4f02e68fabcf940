namespace Designer.Persistence;

/// <summary>A case to add (numbers are assigned by the store).</summary>
/// <param name="InputJson">Run input.</param>
/// <param name="ExpectedEnd">Expected End node id.</param>
/// <param name="ExpectedOutputJson">Expected output fields.</param>
/// <param name="Tags">Labels that let an evaluation report slices (e.g. <c>critical</c>).</param>
/// <param name="LabelSource">Where the label came from.</param>
public sealed record NewDatasetCase(
    string InputJson, string? ExpectedEnd, string? ExpectedOutputJson, IReadOnlyList<string> Tags, Guid? SourceRunId, string LabelSource);
