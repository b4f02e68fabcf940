namespace Designer.Inference.Registry;

/// <summary>The status moves of a registry version, one rule for ONNX and chat models in every registry.</summary>
internal static class ModelLifecycle
{
    /// <summary>
    /// Whether a version may move from <paramref name="from"/> to <paramref name="to"/>: a pending version is approved or
    /// rejected, an approved one retired, a retired one approved again.
    /// </summary>
    /// <returns>True when the move is allowed.</returns>
    internal static bool IsAllowed(ModelStatus from, ModelStatus to) => (from, to) switch
    {
        (ModelStatus.PendingApproval, ModelStatus.Approved or ModelStatus.Rejected) => true,
        (ModelStatus.Approved, ModelStatus.Retired) => true,
        (ModelStatus.Retired, ModelStatus.Approved) => true,
        _ => false,
    };
}
