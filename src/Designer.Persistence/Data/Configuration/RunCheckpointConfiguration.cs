using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class RunCheckpointConfiguration : IEntityTypeConfiguration<RunCheckpointEntity>
{
    public void Configure(EntityTypeBuilder<RunCheckpointEntity> builder)
    {
        builder.ToTable("RunCheckpoints");
        builder.HasKey(c => new { c.RunId, c.CheckpointId });
        builder.HasOne<RunEntity>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.CheckpointId).HasMaxLength(Limits.CheckpointIdLength);
        builder.Property(c => c.ParentId).HasMaxLength(Limits.CheckpointIdLength);
        builder.Property(c => c.Json).IsRequired();
        builder.HasIndex(c => new { c.RunId, c.Sequence }).IsUnique();
    }
}
