using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(Limits.ActionLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(Limits.ActionLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(Limits.EntityIdLength).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.HasIndex(e => new { e.EntityId, e.Sequence });
    }
}
