namespace Designer.Persistence;

/// <summary>A model version to add; its number is the model's next one, chosen in the governance transaction.</summary>
/// <param name="FirstVersionStatus">Status instead of <paramref name="Status"/> when it becomes version 1 (the bootstrap), else null.</param>
/// <param name="Sha256">SHA-256 of the model file (already in the model store).</param>
/// <param name="TrainedBy">Who trained or registered it.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="DescriptorJson">The rest of the descriptor.</param>
public sealed record NewModelVersion(
    string ModelId, string Status, string? FirstVersionStatus, string Sha256, string TrainedBy, DateTimeOffset CreatedAt, string DescriptorJson);
