namespace Designer.Inference.Registry;

/// <summary>A requested model or version does not exist, or is not servable.</summary>
public sealed class ModelNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
