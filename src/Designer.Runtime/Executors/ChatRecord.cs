using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;

namespace Designer.Runtime.Executors;

/// <summary>Everything one chat-node execution did, shaped for the trace, the node output and the audit entry.</summary>
internal sealed class ChatRecord
{
    public string? System { get; init; }

    public required string User { get; init; }

    public required IReadOnlyDictionary<string, int> Redactions { get; init; }

    public ChatModelVersion? Model { get; set; }

    public List<JsonObject> Fallbacks { get; } = [];

    public double LatencyMs { get; set; }

    public string? Raw { get; set; }

    public string? FinishReason { get; set; }

    public JsonNode? Parsed { get; set; }

    public IReadOnlyList<string>? SchemaProblems { get; set; }

    public bool Repaired { get; set; }

    public int Attempts { get; set; }

    public bool Cached { get; set; }

    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public bool UsageEstimated { get; set; }

    public decimal Cost { get; set; }

    public double? Confidence { get; set; }

    /// <summary>Where the confidence came from: the schema field, <c>logprobs</c>, or why it is missing.</summary>
    public string? ConfidenceSource { get; set; }

    /// <summary>The last reply's token probability (from log-probabilities), if any.</summary>
    public double? TokenProbability { get; set; }

    public string? Reason { get; set; }

    /// <summary>The <c>llm</c> block of the node output: what later nodes and budgets read.</summary>
    public JsonObject Usage() => new()
    {
        ["model"] = Model?.Reference,
        ["inputTokens"] = InputTokens,
        ["outputTokens"] = OutputTokens,
        ["totalTokens"] = InputTokens + OutputTokens,
        ["cost"] = Cost,
        ["latencyMs"] = Math.Round(LatencyMs, 3),
        ["attempts"] = Attempts,
        ["cached"] = Cached,
        ["fallbacksUsed"] = Fallbacks.Count,
    };

    /// <summary>Trace data: the redacted prompt, raw and parsed output, usage, model, finish reason, retries, fallbacks.</summary>
    public JsonObject ToTrace() => new()
    {
        ["llm"] = new JsonObject
        {
            ["prompt"] = Prompt(),
            ["rawOutput"] = Raw,
            ["parsedOutput"] = Parsed?.DeepClone(),
            ["schemaProblems"] = SchemaProblems is null ? null : new JsonArray([.. SchemaProblems.Select(p => (JsonNode?)p)]),
            ["repaired"] = Repaired,
            ["finishReason"] = FinishReason,
            ["usageEstimated"] = UsageEstimated,
            ["redactions"] = new JsonObject(Redactions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["fallbacks"] = new JsonArray([.. Fallbacks.Select(f => (JsonNode?)f.DeepClone())]),
            ["confidence"] = Confidence,
            ["confidenceSource"] = ConfidenceSource,
            ["tokenProbability"] = TokenProbability,
            ["reason"] = Reason,
            ["usage"] = Usage(),
        },
    };

    /// <summary>The audit entry: redacted prompt and raw reply with their SHA-256, so the pair is bound into the chain.</summary>
    public JsonObject ToAudit()
    {
        var prompt = Prompt();
        return new JsonObject
        {
            ["model"] = Model?.Reference,
            ["promptSha256"] = Hash(prompt.ToJsonString()),
            ["responseSha256"] = Hash(Raw ?? string.Empty),
            ["prompt"] = prompt,
            ["response"] = Raw,
            ["inputTokens"] = InputTokens,
            ["outputTokens"] = OutputTokens,
            ["cost"] = Cost,
            ["finishReason"] = FinishReason,
            ["attempts"] = Attempts,
            ["cached"] = Cached,
        };
    }

    private JsonObject Prompt() => new() { ["system"] = System, ["user"] = User };

    private static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
