using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class TraceEventConfiguration : IEntityTypeConfiguration<TraceEventEntity>
{
    public void Configure(EntityTypeBuilder<TraceEventEntity> builder)
    {
        builder.ToTable("TraceEvents");
        builder.HasKey(e => new { e.RunId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasOne<RunEntity>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasMaxLength(Limits.ActionLength).IsRequired();
        builder.Property(e => e.NodeId).HasMaxLength(Limits.NodeIdLength);
        builder.Property(e => e.Json).IsRequired();
    }
}
