namespace Designer.Workflows.Catalogue.Configs;

/// <summary>
/// Config of a <c>model</c> node: either a registry model (<see cref="Model"/>, <see cref="ModelVersion"/>)
/// or a chat model (<see cref="ChatModel"/> with <see cref="PromptTemplate"/>).
/// </summary>
public sealed class ModelConfig
{
    /// <summary>The actions accepted in <see cref="OnSloBreach"/>.</summary>
    public static readonly IReadOnlyList<string> SloBreachActions = ["degraded", "fail"];

    /// <summary>Registry model id.</summary>
    public string? Model { get; set; }

    /// <summary>Registry model version; null means the latest published version.</summary>
    public int? ModelVersion { get; set; }

    /// <summary>Model input field → expression over run variables.</summary>
    public Dictionary<string, string>? InputMapping { get; set; }

    /// <summary>Latency objective in milliseconds; must be positive.</summary>
    public int? LatencySloMs { get; set; }

    /// <summary>What happens when the SLO is breached: route to <c>degraded</c> or <c>fail</c> the node.</summary>
    public string OnSloBreach { get; set; } = "degraded";

    /// <summary>Scores below this confidence (0..1) leave through <c>low-confidence</c>.</summary>
    public double? MinConfidence { get; set; }

    /// <summary>Cost attributed to each call, for the run's cost trace.</summary>
    public decimal? CostPerCall { get; set; }

    /// <summary>OpenAI-compatible endpoint for a chat model.</summary>
    public string? ChatEndpoint { get; set; }

    /// <summary>Chat model name.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Prompt template for the chat model.</summary>
    public string? PromptTemplate { get; set; }
}
