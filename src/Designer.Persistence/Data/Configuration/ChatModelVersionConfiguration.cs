using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class ChatModelVersionConfiguration : IEntityTypeConfiguration<ChatModelVersionEntity>
{
    public void Configure(EntityTypeBuilder<ChatModelVersionEntity> builder)
    {
        builder.ToTable("ChatModelVersions");
        builder.HasKey(m => new { m.ModelId, m.Version });
        builder.Property(m => m.ModelId).HasMaxLength(ModelVersionConfiguration.ModelIdLength);
        builder.Property(m => m.Version).ValueGeneratedNever();
        builder.Property(m => m.Status).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(m => m.RegisteredBy).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(m => m.StatusChangedBy).HasMaxLength(Limits.ActorIdLength);
        builder.Property(m => m.VersionJson).IsRequired();
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
    }
}
