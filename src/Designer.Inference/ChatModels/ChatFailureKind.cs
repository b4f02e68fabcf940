namespace Designer.Inference.ChatModels;

/// <summary>Why a chat call failed; decides the node's port.</summary>
public enum ChatFailureKind
{
    /// <summary>No usable configuration (endpoint no longer allowed, key missing): <c>degraded</c>.</summary>
    NotConfigured,

    /// <summary>429, 5xx, timeouts or connection errors after the retries: try the next fallback, then <c>degraded</c>.</summary>
    Unavailable,

    /// <summary>The provider refused the request (4xx other than 429): <c>error</c>.</summary>
    Rejected,

    /// <summary>The reply is not a chat completion (garbage, too large): <c>error</c>.</summary>
    BadReply,
}
