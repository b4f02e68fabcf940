namespace Designer.Web.Evaluations;

/// <summary>
/// The answer of <c>GET /api/models/{id}/versions/{number}/evaluation-gate</c>: whether approving the model version
/// would pass the gate, and why, with every published workflow version it would serve.
/// </summary>
/// <param name="Model">The model's id.</param>
/// <param name="Version">The model version asked about.</param>
/// <param name="Required">Whether the governance options require a passing evaluation before approval.</param>
/// <param name="Passed">Whether every workflow version it would serve has a passing evaluation.</param>
/// <param name="Reasons">Why the gate does not pass; empty when it does.</param>
/// <param name="WorkflowVersions">The published workflow versions that pin the model or follow its latest approved version.</param>
internal sealed record ModelGateResponse(
    string Model, int Version, bool Required, bool Passed, IReadOnlyList<string> Reasons, IReadOnlyList<ModelPinGateResponse> WorkflowVersions)
{
    /// <summary>The API shape of a gate status (property names and order as the anonymous object had them).</summary>
    public static ModelGateResponse From(ModelGateStatus status) => new(
        status.Model, status.Version, status.Required, status.Passed, status.Reasons, [.. status.Versions.Select(ModelPinGateResponse.From)]);
}
