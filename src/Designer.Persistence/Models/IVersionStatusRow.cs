namespace Designer.Persistence;

/// <summary>
/// What the model and chat-model version rows share so one reviewed status change serves both registries
/// (<see cref="VersionStatusChange"/>).
/// </summary>
internal interface IVersionStatusRow
{
    /// <summary>The registry id the version belongs to.</summary>
    string ModelId { get; }

    /// <summary>The version number within <see cref="ModelId"/>.</summary>
    int Version { get; }

    /// <summary>The lifecycle status, as the registry spells it.</summary>
    string Status { get; set; }

    /// <summary>Who made the last status change.</summary>
    string? StatusChangedBy { get; set; }

    /// <summary>When the last status change was made.</summary>
    DateTimeOffset? StatusChangedAt { get; set; }
}
