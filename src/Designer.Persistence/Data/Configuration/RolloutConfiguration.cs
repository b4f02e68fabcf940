using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class RolloutConfiguration :
    IEntityTypeConfiguration<RolloutEntity>,
    IEntityTypeConfiguration<RolloutShadowCaseEntity>,
    IEntityTypeConfiguration<RolloutMirrorEntity>
{
    public void Configure(EntityTypeBuilder<RolloutEntity> builder)
    {
        builder.ToTable("Rollouts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Mode).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(r => r.Window).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(r => r.State).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(Limits.DescriptionLength);
        builder.Property(r => r.StartedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(r => r.StartedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(r => new { r.WorkflowId, r.StartedAt });
        builder.HasIndex(r => r.State);
    }

    public void Configure(EntityTypeBuilder<RolloutShadowCaseEntity> builder)
    {
        builder.ToTable("RolloutShadowCases");
        builder.HasKey(c => new { c.RolloutId, c.RunId });
        builder.HasOne<RolloutEntity>().WithMany().HasForeignKey(c => c.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Outcome).HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(c => c.EndNode).HasMaxLength(Limits.NodeIdLength);
        builder.Property(c => c.LiveEndNode).HasMaxLength(Limits.NodeIdLength);
        builder.Property(c => c.EscalatedTo).HasMaxLength(Limits.RoleLength);
    }

    public void Configure(EntityTypeBuilder<RolloutMirrorEntity> builder)
    {
        builder.ToTable("RolloutMirrors");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<RolloutEntity>().WithMany().HasForeignKey(m => m.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.LeaseOwner).HasMaxLength(Limits.ActorIdLength);
        builder.HasIndex(m => new { m.RolloutId, m.RunId }).IsUnique();
        builder.HasIndex(m => new { m.EnqueuedAtMs, m.Id });
    }
}
