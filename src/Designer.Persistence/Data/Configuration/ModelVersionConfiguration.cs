using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersionEntity>
{
    /// <summary>The registry's id rule allows 64 characters.</summary>
    public const int ModelIdLength = 64;

    public void Configure(EntityTypeBuilder<ModelVersionEntity> builder)
    {
        builder.ToTable("ModelVersions");
        builder.HasKey(m => new { m.ModelId, m.Version });
        builder.Property(m => m.ModelId).HasMaxLength(ModelIdLength);
        builder.Property(m => m.Version).ValueGeneratedNever();
        builder.Property(m => m.Status).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(m => m.TrainedBy).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(m => m.StatusChangedBy).HasMaxLength(Limits.ActorIdLength);
        builder.Property(m => m.DescriptorJson).IsRequired();
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
    }
}
