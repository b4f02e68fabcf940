using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class MaintenanceProgressConfiguration : IEntityTypeConfiguration<MaintenanceProgressEntity>
{
    public void Configure(EntityTypeBuilder<MaintenanceProgressEntity> builder)
    {
        builder.ToTable("MaintenanceProgress");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
    }
}
