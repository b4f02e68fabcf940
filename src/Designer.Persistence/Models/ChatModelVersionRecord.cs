namespace Designer.Persistence;

/// <summary>A stored chat-model version, as <see cref="IChatModelVersionStore"/> returns it.</summary>
/// <param name="Version">The version number within the model id, counted from 1.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="RegisteredBy">Who registered it.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="StatusChangedBy">Who last changed the status.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="VersionJson">The rest of the version, as the registry wrote it.</param>
public sealed record ChatModelVersionRecord(
    string ModelId,
    int Version,
    string Status,
    string RegisteredBy,
    DateTimeOffset CreatedAt,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    string VersionJson)
{
    internal static ChatModelVersionRecord From(ChatModelVersionEntity row) => new(
        row.ModelId, row.Version, row.Status, row.RegisteredBy, row.CreatedAt, row.StatusChangedBy, row.StatusChangedAt, row.VersionJson);
}
