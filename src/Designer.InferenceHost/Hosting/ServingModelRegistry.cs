using Designer.Inference.Registry;

namespace Designer.InferenceHost.Hosting;

/// <summary>
/// The inference host's view of the shared registry (issue 14): it serves what the web hosts approved and changes
/// nothing a person decides. Reads go to the <see cref="DatabaseModelRegistry"/>; status changes (approve, reject,
/// retire) are refused; only the built-in bootstrap models may be registered, because they are system-trained from
/// fixed seeds, approved by rule in every host, and a second registration of the same bytes returns the existing row.
/// </summary>
internal sealed class ServingModelRegistry : IModelRegistry
{
    private readonly IModelRegistry _shared;

    /// <summary>Creates the view.</summary>
    public ServingModelRegistry(IModelRegistry shared)
    {
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelDescriptor>> ListAsync(CancellationToken cancellationToken) => _shared.ListAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ModelDescriptor?> GetAsync(string id, int? version, CancellationToken cancellationToken) =>
        _shared.GetAsync(id, version, cancellationToken);

    /// <inheritdoc />
    public Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.IsBootstrap
            ? _shared.RegisterAsync(registration, cancellationToken)
            : throw new InvalidOperationException(
                $"The inference host serves the shared model registry read-only; train '{registration.Id}' in a web host.");
    }

    /// <inheritdoc />
    public Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            $"The inference host serves the shared model registry read-only; approve, reject or retire '{id}' v{version} in a web host.");

    /// <inheritdoc />
    public Task<byte[]> ReadModelAsync(ModelDescriptor descriptor, CancellationToken cancellationToken) =>
        _shared.ReadModelAsync(descriptor, cancellationToken);
}
