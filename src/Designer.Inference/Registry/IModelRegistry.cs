namespace Designer.Inference.Registry;

/// <summary>Versioned store of ONNX models and their approval status.</summary>
public interface IModelRegistry
{
    /// <summary>Every version of every model, ordered by id then version.</summary>
    Task<IReadOnlyList<ModelDescriptor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One version, or with <paramref name="version"/> null the highest <see cref="ModelStatus.Approved"/> one.</summary>
    /// <param name="id">Model id.</param>
    /// <param name="version">Version, or null for the latest approved.</param>
    /// <returns>The descriptor, or null when there is none.</returns>
    Task<ModelDescriptor?> GetAsync(string id, int? version, CancellationToken cancellationToken);

    /// <summary>Registers the next version of a model (PendingApproval unless it is the bootstrap version 1).</summary>
    Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken);

    /// <summary>Changes a version's status. Rejected is final; nothing returns to PendingApproval.</summary>
    /// <param name="id">Model id.</param>
    /// <param name="changedBy">Who made the change (recorded on the descriptor).</param>
    Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken);

    /// <summary>Reads a version's ONNX bytes after verifying their SHA-256.</summary>
    /// <exception cref="ModelIntegrityException">The file does not match the registered hash.</exception>
    Task<byte[]> ReadModelAsync(ModelDescriptor descriptor, CancellationToken cancellationToken);
}
