using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>Everything the trace says about one node of one run; built by <see cref="RunTrace"/>.</summary>
public sealed class NodeRunState
{
    internal NodeRunState(string nodeId) => NodeId = nodeId;

    /// <summary>Id of the node in the run's workflow version.</summary>
    public string NodeId { get; }

    /// <summary>Current status.</summary>
    public NodeRunStatus Status { get; internal set; }

    /// <summary>Attempts so far (1-based, the highest seen).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Start and end of each execution, in order; an open span has no end.</summary>
    public List<NodeSpan> Spans { get; } = [];

    /// <summary>The port chosen.</summary>
    public string? Port { get; internal set; }

    /// <summary>The effective input (redacted when stored).</summary>
    public JsonNode? Input { get; internal set; }

    /// <summary>The output (redacted when stored).</summary>
    public JsonNode? Output { get; internal set; }

    /// <summary>Kind-specific data of the completion: model scores, provider and latency; retrieval evidence.</summary>
    public JsonObject? Data { get; internal set; }

    /// <summary>Retrieval evidence (hits with id, score, text, payload).</summary>
    public JsonArray? Evidence => Data?["evidence"] as JsonArray;

    /// <summary>Policy verdicts (verdict and the rule that decided).</summary>
    public List<JsonObject> Verdicts { get; } = [];

    /// <summary>Missed latency objectives.</summary>
    public List<JsonObject> SloBreaches { get; } = [];

    /// <summary>Low-confidence results.</summary>
    public List<JsonObject> LowConfidence { get; } = [];

    /// <summary>Redactions applied.</summary>
    public List<JsonObject> Redactions { get; } = [];

    /// <summary>The gate's request, when a human gate.</summary>
    public JsonObject? Request { get; internal set; }

    /// <summary>The human decision, when a human gate.</summary>
    public JsonObject? Decision { get; internal set; }

    /// <summary>Errors, one per failed attempt.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Cost attributed to the node.</summary>
    public decimal Cost { get; internal set; }

    /// <summary>Total time of finished executions, in milliseconds.</summary>
    public double? DurationMs { get; internal set; }
}
