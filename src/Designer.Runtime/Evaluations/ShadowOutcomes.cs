namespace Designer.Runtime.Evaluations;

/// <summary>How a shadow run ended.</summary>
public static class ShadowOutcomes
{
    /// <summary>Reached an End node without a human.</summary>
    public const string Automated = "automated";

    /// <summary>Reached a human gate: in production a person would decide (no task is created in shadow).</summary>
    public const string Escalated = "escalated";

    /// <summary>A node failed.</summary>
    public const string Failed = "failed";
}
