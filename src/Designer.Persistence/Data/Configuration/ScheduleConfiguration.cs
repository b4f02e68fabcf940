using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class ScheduleConfiguration :
    IEntityTypeConfiguration<WorkflowScheduleEntity>,
    IEntityTypeConfiguration<ScheduleOccurrenceEntity>
{
    public const int CronLength = 200;
    public const int TimeZoneLength = 100;
    public const int PolicyLength = 32;
    public const int ProblemLength = 2000;

    public void Configure(EntityTypeBuilder<WorkflowScheduleEntity> builder)
    {
        builder.ToTable("WorkflowSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(s => s.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(Limits.NameLength).IsRequired();
        builder.Property(s => s.Cron).HasMaxLength(CronLength).IsRequired();
        builder.Property(s => s.TimeZone).HasMaxLength(TimeZoneLength).IsRequired();
        builder.Property(s => s.InputJson).IsRequired();
        builder.Property(s => s.MissedPolicy).HasMaxLength(PolicyLength).IsRequired();
        builder.Property(s => s.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(s => s.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(s => s.WorkflowId);
        builder.HasIndex(s => s.Enabled);
    }

    public void Configure(EntityTypeBuilder<ScheduleOccurrenceEntity> builder)
    {
        builder.ToTable("ScheduleOccurrences");

        // The key is the claim: one row per (schedule, occurrence), whichever host inserts it first.
        builder.HasKey(o => new { o.ScheduleId, o.OccurrenceUtc });
        builder.HasOne<WorkflowScheduleEntity>().WithMany().HasForeignKey(o => o.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.ClaimedBy).HasMaxLength(Limits.OwnerLength).IsRequired();
        builder.Property(o => o.Problem).HasMaxLength(ProblemLength);
    }
}
