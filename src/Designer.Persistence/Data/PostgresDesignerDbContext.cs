using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>The PostgreSQL flavour of <see cref="DesignerDbContext"/>; owns the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresDesignerDbContext : DesignerDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Npgsql options.</param>
    public PostgresDesignerDbContext(DbContextOptions<PostgresDesignerDbContext> options)
        : base(options)
    {
    }
}
