using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersionEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowVersionEntity> builder)
    {
        builder.ToTable("WorkflowVersions");
        builder.HasKey(v => new { v.WorkflowId, v.Number });
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(v => v.WorkflowId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.CanonicalJson).IsRequired();
        builder.Property(v => v.ContentHash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(v => v.AuthorId).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(v => v.AuthorName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(v => v.ReviewedById).HasMaxLength(Limits.ActorIdLength);
        builder.Property(v => v.ReviewedByName).HasMaxLength(Limits.ActorNameLength);
        builder.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(v => v.Status);
    }
}
