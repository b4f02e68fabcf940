using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class RunConfiguration : IEntityTypeConfiguration<RunEntity>
{
    public void Configure(EntityTypeBuilder<RunEntity> builder)
    {
        builder.ToTable("Runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.ContentHash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(r => r.InputJson).IsRequired();
        builder.Property(r => r.EndNode).HasMaxLength(Limits.NodeIdLength);
        builder.Property(r => r.StartedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(r => r.StartedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(r => r.Owner).HasMaxLength(Limits.OwnerLength);
        builder.Property(r => r.Cost).HasPrecision(18, 6);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(r => new { r.WorkflowId, r.Status, r.StartedAt });
        // The runs list filters by workflow (and version) and pages newest first: these serve its ORDER BY and COUNT.
        builder.HasIndex(r => new { r.WorkflowId, r.StartedAt });
        builder.HasIndex(r => new { r.WorkflowId, r.VersionNumber, r.StartedAt });
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.StartedAt);
    }
}
