namespace Designer.Web.Evaluations;

/// <summary>What the model approval screen shows: every published workflow version the model version would serve.</summary>
internal sealed record ModelGateStatus(
    string Model, int Version, bool Required, bool Passed, IReadOnlyList<ModelPinGate> Versions, IReadOnlyList<string> Reasons);
