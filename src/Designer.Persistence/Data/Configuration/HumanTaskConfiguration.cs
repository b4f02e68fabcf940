using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTaskEntity>
{
    public void Configure(EntityTypeBuilder<HumanTaskEntity> builder)
    {
        builder.ToTable("HumanTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<RunEntity>().WithMany().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.NodeId).HasMaxLength(Limits.NodeIdLength).IsRequired();
        builder.Property(t => t.RequestId).HasMaxLength(Limits.EntityIdLength).IsRequired();
        builder.Property(t => t.Role).HasMaxLength(Limits.RoleLength).IsRequired();
        builder.Property(t => t.Instructions).IsRequired();
        builder.Property(t => t.EvidenceJson).IsRequired();
        builder.Property(t => t.DecisionsJson).IsRequired();
        builder.Property(t => t.EditableFieldsJson).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(t => t.DecidedById).HasMaxLength(Limits.ActorIdLength);
        builder.Property(t => t.DecidedByName).HasMaxLength(Limits.ActorNameLength);
        builder.Property(t => t.Decision).HasMaxLength(Limits.ActionLength);
        builder.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(t => t.RequestId).IsUnique();
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => t.RunId);
    }
}
