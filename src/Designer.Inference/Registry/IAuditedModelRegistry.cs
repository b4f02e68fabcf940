namespace Designer.Inference.Registry;

/// <summary>
/// A registry whose changes commit together with their audit entry (issue 14: no approved model without its entry).
/// The database registry implements it; callers that record governance actions use it when it is registered.
/// </summary>
public interface IAuditedModelRegistry : IModelRegistry
{
    /// <summary>Registers the next version and the entry <paramref name="audit"/> builds for it, in one transaction.</summary>
    /// <param name="audit">Builds the entry from the new version (its number is known only then).</param>
    Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, Func<ModelDescriptor, ModelAuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a version from <paramref name="expected"/> to <paramref name="status"/> with <paramref name="audit"/> in one
    /// transaction; the expected status is checked inside it, so two hosts cannot both review one version.
    /// </summary>
    /// <param name="id">Model id.</param>
    /// <param name="expected">The status the version must have.</param>
    /// <param name="audit">The entry; its actor is recorded as the one who changed the status.</param>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="InvalidOperationException">The version is not <paramref name="expected"/>, or the transition is not allowed.</exception>
    Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus expected, ModelStatus status, ModelAuditEntry audit, CancellationToken cancellationToken);
}
