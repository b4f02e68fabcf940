using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Designer.Persistence.Data.Configuration;

internal sealed class TriggerConfiguration :
    IEntityTypeConfiguration<WorkflowApiKeyEntity>,
    IEntityTypeConfiguration<WebhookDeliveryEntity>
{
    public const int PrefixLength = 32;
    public const int IdempotencyKeyLength = 200;

    public void Configure(EntityTypeBuilder<WorkflowApiKeyEntity> builder)
    {
        builder.ToTable("WorkflowApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(k => k.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.Name).HasMaxLength(Limits.NameLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(PrefixLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(Limits.HashLength).IsRequired();
        builder.Property(k => k.CreatedById).HasMaxLength(Limits.ActorIdLength).IsRequired();
        builder.Property(k => k.CreatedByName).HasMaxLength(Limits.ActorNameLength).IsRequired();
        builder.Property(k => k.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.WorkflowId);
    }

    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => new { d.WorkflowId, d.IdempotencyKey });
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(d => d.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.IdempotencyKey).HasMaxLength(IdempotencyKeyLength);
        builder.Property(d => d.BodyHash).HasMaxLength(Limits.HashLength).IsRequired();
    }
}
