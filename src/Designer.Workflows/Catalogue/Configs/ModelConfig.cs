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

    /// <summary>Chat model from the registry: <c>id</c> (latest approved) or <c>id@version</c>.</summary>
    public string? ChatModel { get; set; }

    /// <summary>User-message template over run variables (<c>{{ input.x }}</c>, <c>{{ nodes.evidence.hits }}</c>).</summary>
    public string? PromptTemplate { get; set; }

    /// <summary>System-message template.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>JSON schema (supported subset) the reply must satisfy; sent as response_format or as instructions.</summary>
    public System.Text.Json.Nodes.JsonObject? OutputSchema { get; set; }

    /// <summary>Field of the parsed reply holding a 0..1 confidence, compared with <see cref="MinConfidence"/>.</summary>
    public string? ConfidenceField { get; set; }

    /// <summary>Ordered fallback chat models (<c>id</c> or <c>id@version</c>) tried when one is unavailable.</summary>
    public List<string>? FallbackModels { get; set; }

    /// <summary>Sampling temperature override (0..2).</summary>
    public double? Temperature { get; set; }

    /// <summary>Output-token cap override.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Most tokens (input + output) all chat nodes of one run may use; beyond it the node follows <c>degraded</c>.</summary>
    public int? RunTokenBudget { get; set; }

    /// <summary>Most chat-model cost one run may spend; beyond it the node follows <c>degraded</c>.</summary>
    public decimal? RunCostBudget { get; set; }

    /// <summary>Reuse replies for the same model@version and rendered prompt (opt-in).</summary>
    public bool CacheResponses { get; set; }

    /// <summary>Expressions whose values (e.g. customer names) are masked in the prompt, besides e-mails, phones, cards and IBANs.</summary>
    public List<string>? RedactFields { get; set; }

    /// <summary>Put the masked values back into the parsed reply (placeholders like <c>[EMAIL_1]</c>).</summary>
    public bool RestorePlaceholders { get; set; }

    /// <summary>
    /// Ask the provider for log-probabilities and use the output tokens' geometric-mean probability as the
    /// confidence compared with <see cref="MinConfidence"/> (when no <see cref="ConfidenceField"/> is set).
    /// </summary>
    public bool ConfidenceFromLogprobs { get; set; }
}
