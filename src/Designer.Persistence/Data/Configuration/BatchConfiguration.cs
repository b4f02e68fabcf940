using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class BatchConfiguration :
    IEntityTypeConfiguration<BatchEntity>,
    IEntityTypeConfiguration<BatchRowEntity>
{
    public const int FormatLength = 16;

    public void Configure(EntityTypeBuilder<BatchEntity> builder)
    {
        builder.ToTable("Batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(b => b.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Format).HasMaxLength(FormatLength).IsRequired();
        builder.Property(b => b.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(b => b.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.HasIndex(b => b.WorkflowId);
        builder.HasIndex(b => b.DispatchedAt);
    }

    public void Configure(EntityTypeBuilder<BatchRowEntity> builder)
    {
        builder.ToTable("BatchRows");
        builder.HasKey(r => new { r.BatchId, r.Line });
        builder.Property(r => r.Line).ValueGeneratedNever();
        builder.HasOne<BatchEntity>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Error).HasMaxLength(BatchStore.ErrorLength);
        builder.HasIndex(r => r.RunId);
    }
}
