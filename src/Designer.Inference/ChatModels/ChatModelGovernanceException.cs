namespace Designer.Inference.ChatModels;

/// <summary>A chat-model registration or status change breaks a governance rule; the message lists every problem.</summary>
public sealed class ChatModelGovernanceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatModelGovernanceException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChatModelGovernanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChatModelGovernanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with every problem.</summary>
    public ChatModelGovernanceException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
