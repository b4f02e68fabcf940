namespace Designer.Web.Evaluations;

/// <summary>The body of <c>PUT /api/datasets/{id}/cases/{number}</c>: <c>{"expected": {"end": "block"}}</c>.</summary>
/// <param name="Expected">The case's new expected End node (required).</param>
internal sealed record RelabelCaseRequest(ExpectedEndRequest? Expected = null);
