namespace Designer.Inference.Serving;

/// <summary>A loaded model version that runs batches for its <see cref="DynamicBatcher"/>.</summary>
public interface IModelRunner : IBatchExecutor, IDisposable
{
    /// <summary>The execution provider serving this model, and why.</summary>
    ProviderChoice Provider { get; }
}
