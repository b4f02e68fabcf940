namespace Designer.Web.Evaluations;

/// <summary>
/// A published workflow version that runs a model version once it is approved, and its evaluation gate. Pinned is true
/// when the workflow version names this model version, false when it follows the latest approved one.
/// </summary>
internal sealed record ModelPinGate(Guid WorkflowId, string WorkflowName, int WorkflowVersion, bool Pinned, GateStatus Gate);
