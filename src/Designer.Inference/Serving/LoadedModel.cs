using Designer.Inference.Registry;

namespace Designer.Inference.Serving;

/// <summary>A model version ready to serve: its descriptor, session, provider and batcher.</summary>
/// <param name="Descriptor">Registry entry.</param>
/// <param name="Runner">The ONNX Runtime session.</param>
/// <param name="Batcher">The request batcher in front of the session.</param>
public sealed record LoadedModel(ModelDescriptor Descriptor, IModelRunner Runner, DynamicBatcher Batcher)
{
    /// <summary>The execution provider serving the model, and why.</summary>
    public ProviderChoice Provider => Runner.Provider;
}
