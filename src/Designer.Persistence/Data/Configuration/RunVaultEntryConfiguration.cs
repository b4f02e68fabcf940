using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class RunVaultEntryConfiguration : IEntityTypeConfiguration<RunVaultEntryEntity>
{
    public void Configure(EntityTypeBuilder<RunVaultEntryEntity> builder)
    {
        builder.ToTable("RunVaultEntries");
        builder.HasKey(e => new { e.RunId, e.TokenId });
        builder.HasOne<RunEntity>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.TokenId).HasMaxLength(RunVaultTokens.IdLength);
        builder.Property(e => e.Kind).HasMaxLength(Limits.StatusLength);
        builder.Property(e => e.ProtectedValue).IsRequired();
    }
}
