using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Designer.Persistence.Data;

/// <summary>Immutability rules enforced on every save.</summary>
internal static class SaveRules
{
    private static readonly string[] FrozenVersionProperties =
    [
        nameof(WorkflowVersionEntity.CanonicalJson),
        nameof(WorkflowVersionEntity.ContentHash),
        nameof(WorkflowVersionEntity.AuthorId),
        nameof(WorkflowVersionEntity.AuthorName),
        nameof(WorkflowVersionEntity.CreatedAt),
    ];

    public static void CheckVersion(EntityEntry entry, WorkflowVersionEntity version)
    {
        if (entry.State is not (EntityState.Modified or EntityState.Deleted))
        {
            return;
        }

        var originalStatus = entry.Property(nameof(WorkflowVersionEntity.Status)).OriginalValue is VersionStatus status
            ? status
            : version.Status;
        var label = $"Version {version.Number} of workflow {version.WorkflowId}";

        if (entry.State == EntityState.Deleted)
        {
            if (originalStatus == VersionStatus.Published)
            {
                throw new ImmutableVersionException($"{label} is published and cannot be deleted.");
            }

            return;
        }

        if (originalStatus == VersionStatus.Published)
        {
            throw new ImmutableVersionException($"{label} is published and cannot be changed.");
        }

        foreach (var name in FrozenVersionProperties)
        {
            if (entry.Property(name).IsModified)
            {
                throw new ImmutableVersionException($"{label}: {name} is frozen at submission and cannot be changed.");
            }
        }
    }
}
