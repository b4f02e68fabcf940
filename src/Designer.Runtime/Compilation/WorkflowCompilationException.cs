namespace Designer.Runtime.Compilation;

/// <summary>A definition cannot be compiled (invalid, or a backend it needs is missing); lists every problem.</summary>
public sealed class WorkflowCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowCompilationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowCompilationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from problems.</summary>
    /// <param name="problems">Every problem found.</param>
    public WorkflowCompilationException(IReadOnlyList<string> problems)
        : base("The workflow cannot be compiled: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
