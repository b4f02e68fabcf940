namespace Designer.Runtime.Tracing;

/// <summary>The values of <see cref="TraceEvent.Kind"/>.</summary>
public static class TraceEventKinds
{
    /// <summary>A node started.</summary>
    public const string NodeInvoked = "node.invoked";

    /// <summary>A node finished and chose a port.</summary>
    public const string NodeCompleted = "node.completed";

    /// <summary>A node faulted; the run fails.</summary>
    public const string NodeFailed = "node.failed";

    /// <summary>A human gate asked for a decision.</summary>
    public const string Request = "request";

    /// <summary>A human decision was applied.</summary>
    public const string Decision = "decision";

    /// <summary>A policy node's verdict and the rule that decided it.</summary>
    public const string PolicyVerdict = "policy.verdict";

    /// <summary>A model missed its latency objective.</summary>
    public const string SloBreach = "slo.breach";

    /// <summary>A model result was below its confidence threshold.</summary>
    public const string LowConfidence = "model.low-confidence";

    /// <summary>PII was found and redacted in the listed fields.</summary>
    public const string Redaction = "redaction";

    /// <summary>A failed or cancelled run sent the compensating call of an action that had succeeded.</summary>
    public const string Compensation = "compensation";

    /// <summary>The run produced its output.</summary>
    public const string Output = "output";
}
