namespace Designer.Web.Evaluations;

/// <summary>The new label of a dataset case: only the expected End node can be fixed.</summary>
/// <param name="End">The id of an End node of the dataset's workflow (required).</param>
internal sealed record ExpectedEndRequest(string? End = null);
