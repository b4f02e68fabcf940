using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class CollectionConfiguration :
    IEntityTypeConfiguration<CollectionEntity>,
    IEntityTypeConfiguration<CollectionDocumentEntity>,
    IEntityTypeConfiguration<CollectionJobEntity>
{
    public void Configure(EntityTypeBuilder<CollectionEntity> builder)
    {
        builder.ToTable("Collections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Limits.CollectionNameLength).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(c => c.EmbeddingModel).HasMaxLength(Limits.NameLength).IsRequired();
        builder.Property(c => c.Backend).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(c => c.IndexName).HasMaxLength(Limits.CheckpointIdLength).IsRequired();
        builder.Property(c => c.PendingIndexName).HasMaxLength(Limits.CheckpointIdLength);
        builder.Property(c => c.PendingEmbeddingModel).HasMaxLength(Limits.NameLength);
        builder.Property(c => c.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CollectionDocumentEntity> builder)
    {
        builder.ToTable("CollectionDocuments");
        builder.HasKey(d => new { d.CollectionId, d.DocumentId });
        builder.HasOne<CollectionEntity>().WithMany().HasForeignKey(d => d.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.DocumentId).HasMaxLength(Limits.EntityIdLength);
        builder.Property(d => d.Text).IsRequired();
        builder.Property(d => d.MetadataJson).IsRequired();
        builder.HasIndex(d => new { d.PendingJobId, d.DocumentId });
    }

    public void Configure(EntityTypeBuilder<CollectionJobEntity> builder)
    {
        builder.ToTable("CollectionJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.HasOne<CollectionEntity>().WithMany().HasForeignKey(j => j.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(j => j.Cursor).HasMaxLength(Limits.EntityIdLength);
        builder.Property(j => j.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(j => j.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.CollectionId, j.CreatedAt });
    }
}
