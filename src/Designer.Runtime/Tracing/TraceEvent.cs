using System.Text.Json.Nodes;

namespace Designer.Runtime.Tracing;

/// <summary>
/// One entry of a run's trace: node lifecycle, requests, decisions, verdicts, SLO breaches, redactions and output.
/// Inputs and outputs are already redacted when an event is created.
/// </summary>
public sealed record TraceEvent
{
    /// <summary>The run whose trace this entry belongs to, as text.</summary>
    public required string RunId { get; init; }

    /// <summary>One of <see cref="TraceEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Node id, when the event is about a node.</summary>
    public string? NodeId { get; init; }

    /// <summary>Node kind, when the event is about a node.</summary>
    public string? NodeKind { get; init; }

    /// <summary>1-based attempt of the node within the run.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary><c>runId:nodeId:attempt</c>: the key node side effects carry.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>When the node (or event) started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the node ended, for completed and failed events.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Elapsed milliseconds between start and end.</summary>
    public double? DurationMs { get; init; }

    /// <summary>Output port chosen.</summary>
    public string? Port { get; init; }

    /// <summary>The node's effective input (redacted).</summary>
    public JsonNode? Input { get; init; }

    /// <summary>The node's output (redacted).</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Kind-specific data: evidence, scores, verdict, SLO numbers, redaction counts.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>Cost attributed to this event (model cost per call).</summary>
    public decimal? Cost { get; init; }

    /// <summary>Error message, for failed events.</summary>
    public string? Error { get; init; }
}
