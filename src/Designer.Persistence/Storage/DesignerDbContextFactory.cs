using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Storage;

/// <summary>Exposes the pooled factory of the configured provider context as <see cref="IDbContextFactory{DesignerDbContext}"/>.</summary>
internal sealed class DesignerDbContextFactory<TContext> : IDbContextFactory<DesignerDbContext>
    where TContext : DesignerDbContext
{
    private readonly IDbContextFactory<TContext> _inner;

    public DesignerDbContextFactory(IDbContextFactory<TContext> inner) => _inner = inner;

    public DesignerDbContext CreateDbContext() => _inner.CreateDbContext();

    public async Task<DesignerDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _inner.CreateDbContextAsync(cancellationToken);
}
