namespace Designer.Inference.ChatModels;

/// <summary>A chat call failed. The message never contains the API key or the prompt.</summary>
public sealed class ChatModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatModelCallException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChatModelCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChatModelCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why it failed.</param>
    public ChatModelCallException(ChatFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why it failed.</summary>
    public ChatFailureKind Kind { get; }
}
