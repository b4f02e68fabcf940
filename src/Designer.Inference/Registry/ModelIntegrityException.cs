namespace Designer.Inference.Registry;

/// <summary>A model file does not match the SHA-256 recorded when it was registered.</summary>
public sealed class ModelIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelIntegrityException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
