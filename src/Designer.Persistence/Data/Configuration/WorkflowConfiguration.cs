using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<WorkflowEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowEntity> builder)
    {
        builder.ToTable("Workflows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(Limits.NameLength).IsRequired();
        builder.Property(w => w.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(w => w.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(w => w.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(w => w.UpdatedAt);
    }
}
