using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class EvaluationConfiguration :
    IEntityTypeConfiguration<DatasetEntity>,
    IEntityTypeConfiguration<DatasetCaseEntity>,
    IEntityTypeConfiguration<EvaluationEntity>,
    IEntityTypeConfiguration<EvaluationCaseEntity>,
    IEntityTypeConfiguration<WorkflowBudgetEntity>
{
    public void Configure(EntityTypeBuilder<DatasetEntity> builder)
    {
        builder.ToTable("Datasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(Limits.NameLength).IsRequired();
        builder.HasIndex(d => new { d.Name, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.WorkflowId, d.CreatedAt });
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(d => d.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Description).HasMaxLength(Limits.DescriptionLength);
        builder.Property(d => d.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(d => d.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DatasetCaseEntity> builder)
    {
        builder.ToTable("DatasetCases");
        builder.HasKey(c => new { c.DatasetId, c.Number });
        builder.HasOne<DatasetEntity>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.InputJson).IsRequired();
        builder.Property(c => c.ExpectedEnd).HasMaxLength(Limits.NodeIdLength);
        builder.Property(c => c.TagsJson).IsRequired();
        builder.Property(c => c.LabelSource).HasMaxLength(Limits.StatusLength).IsRequired();
    }

    public void Configure(EntityTypeBuilder<EvaluationEntity> builder)
    {
        builder.ToTable("Evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(e => e.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DatasetEntity>().WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.CandidateHash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(e => e.CandidateJson).IsRequired();
        builder.Property(e => e.BaselineHash).HasMaxLength(Limits.HashLength);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(Limits.StatusLength).IsRequired();
        builder.Property(e => e.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(e => e.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.WorkflowId, e.CandidateVersion, e.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<EvaluationCaseEntity> builder)
    {
        builder.ToTable("EvaluationCases");
        builder.HasKey(c => new { c.EvaluationId, c.CaseNumber });
        builder.HasOne<EvaluationEntity>().WithMany().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.CandidateJson).IsRequired();
    }

    public void Configure(EntityTypeBuilder<WorkflowBudgetEntity> builder)
    {
        builder.ToTable("WorkflowBudgets");
        builder.HasKey(b => b.WorkflowId);
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(b => b.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.UpdatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
    }
}
