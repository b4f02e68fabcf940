namespace Designer.Runtime.Executors;

/// <summary>A node faulted (bad input, hostile expression, SLO breach with <c>fail</c>); the run fails with this message.</summary>
public sealed class NodeFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeFaultException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public NodeFaultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NodeFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">Cause, if any.</param>
    public NodeFaultException(string nodeId, string message, Exception? innerException)
        : base($"Node '{nodeId}' failed: {message}", innerException)
    {
        NodeId = nodeId;
    }

    /// <summary>The failed node.</summary>
    public string NodeId { get; } = string.Empty;
}
