namespace Designer.Inference.ChatModels;

/// <summary>
/// Admin settings of chat models, bound from <c>Designer:ChatModels</c>. Endpoints and keys live here (configuration,
/// environment or user secrets), never in workflow definitions or registry files.
/// </summary>
public sealed class ChatModelOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Designer:ChatModels";

    /// <summary>Endpoint URLs chat-model versions may use; registration and every call check against this list.</summary>
    public IList<string> AllowedEndpoints { get; init; } = [];

    /// <summary>Secret name → API key. Read from configuration only; never logged, traced or sent to the browser.</summary>
    public IDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and connection errors (the only retry layer).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the exponential backoff; a <c>Retry-After</c> header wins when present.</summary>
    public int RetryBaseDelayMs { get; set; } = 500;

    /// <summary>Longest wait honoured between attempts (also caps <c>Retry-After</c>).</summary>
    public int MaxRetryDelayMs { get; set; } = 20_000;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public int AttemptTimeoutMs { get; set; } = 60_000;

    /// <summary>Replies larger than this are refused (port <c>error</c>) instead of being buffered.</summary>
    public int MaxResponseBytes { get; set; } = 1_048_576;

    /// <summary>Entries kept by the opt-in response cache.</summary>
    public int CacheEntries { get; set; } = 512;
}
