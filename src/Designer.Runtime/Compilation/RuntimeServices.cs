using Designer.Inference.Serving;
using Designer.Runtime.Expressions;
using Designer.Runtime.Retrieval;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Compilation;

/// <summary>What compiled executors call: the sandbox, the trace sink, the clock and the model/retrieval backends.</summary>
public sealed class RuntimeServices
{
    /// <summary>Expression sandbox for rules, conditions, mappings and templates.</summary>
    public required ExpressionSandbox Sandbox { get; init; }

    /// <summary>Receives every trace event, live.</summary>
    public required ITraceSink Trace { get; init; }

    /// <summary>Clock for timestamps, durations and SLO timeouts.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Model serving; required by workflows with model nodes.</summary>
    public IInferenceClient? Inference { get; init; }

    /// <summary>Chat models (registry, gateway, cache, audit); without it chat nodes follow <c>degraded</c>.</summary>
    public ChatModels.ChatRuntime? Chat { get; init; }

    /// <summary>Approved HTTP connections; required by workflows with action nodes.</summary>
    public Actions.ActionRuntime? Actions { get; init; }

    /// <summary>
    /// Shadow mode (evaluations, live shadow): action nodes are compiled as <see cref="Executors.ShadowActionExecutor"/>,
    /// which sends nothing and leaves through <c>ok</c>; <see cref="Actions"/> is then not used.
    /// </summary>
    public bool ShadowActions { get; init; }

    /// <summary>Vector search; required by workflows with retrieval nodes.</summary>
    public IVectorSearch? VectorSearch { get; init; }
}
