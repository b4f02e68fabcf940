namespace Designer.Persistence;

/// <summary>A stored model version, as <see cref="IModelVersionStore"/> returns it.</summary>
/// <param name="Version">Version number within the model, starting at 1.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Sha256">SHA-256 of the model file.</param>
/// <param name="TrainedBy">Who trained or registered it.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="StatusChangedBy">Who last changed the status.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="DescriptorJson">The rest of the descriptor, as the registry wrote it.</param>
public sealed record ModelVersionRecord(
    string ModelId,
    int Version,
    string Status,
    string Sha256,
    string TrainedBy,
    DateTimeOffset CreatedAt,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    string DescriptorJson)
{
    internal static ModelVersionRecord From(ModelVersionEntity row) => new(
        row.ModelId, row.Version, row.Status, row.Sha256, row.TrainedBy, row.CreatedAt, row.StatusChangedBy, row.StatusChangedAt, row.DescriptorJson);
}
