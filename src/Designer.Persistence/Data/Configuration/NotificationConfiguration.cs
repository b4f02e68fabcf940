using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationEntity>
{
    public const int SubscriberLength = 100;

    /// <summary>Longest <see cref="NotificationEntity.Data"/> (ids, versions, a guard and two people fit easily).</summary>
    public const int DataLength = 4000;

    public void Configure(EntityTypeBuilder<NotificationEntity> builder)
    {
        // No foreign key to Runs: a queued event outlives a run that retention deletes (it carries no run data).
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Subscriber).HasMaxLength(SubscriberLength).IsRequired();
        builder.Property(n => n.EventType).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(n => n.RunStatus).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(n => n.State).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(n => n.EndNode).HasMaxLength(Limits.NodeIdLength);
        builder.Property(n => n.RunError).HasMaxLength(NotificationStore.ErrorLength);
        builder.Property(n => n.LastError).HasMaxLength(NotificationStore.ErrorLength);
        builder.Property(n => n.Data).HasMaxLength(DataLength);
        builder.Property(n => n.LeaseOwner).HasMaxLength(Limits.EntityIdLength);
        builder.HasIndex(n => new { n.State, n.DueAtMs });
        builder.HasIndex(n => n.RunId);
    }
}
