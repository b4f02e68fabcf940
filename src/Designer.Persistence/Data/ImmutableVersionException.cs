namespace Designer.Persistence;

/// <summary>Thrown by <see cref="DesignerDbContext"/> when a save would change frozen version content, a published version, or an audit entry.</summary>
public sealed class ImmutableVersionException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ImmutableVersionException()
        : base("Workflow versions and audit entries are immutable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was attempted.</param>
    public ImmutableVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What was attempted.</param>
    public ImmutableVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
