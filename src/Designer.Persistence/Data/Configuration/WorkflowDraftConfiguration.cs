using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class WorkflowDraftConfiguration : IEntityTypeConfiguration<WorkflowDraftEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowDraftEntity> builder)
    {
        builder.ToTable("WorkflowDrafts");
        builder.HasKey(d => d.WorkflowId);
        builder.HasOne<WorkflowEntity>().WithOne().HasForeignKey<WorkflowDraftEntity>(d => d.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.DefinitionJson).IsRequired();
        builder.Property(d => d.ETag).IsConcurrencyToken();
        builder.Property(d => d.UpdatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(d => d.UpdatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
    }
}
