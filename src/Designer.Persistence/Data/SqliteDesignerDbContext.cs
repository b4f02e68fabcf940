using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Designer.Persistence;

/// <summary>The SQLite flavour of <see cref="DesignerDbContext"/>; owns the migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignerDbContext : DesignerDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">SQLite options.</param>
    public SqliteDesignerDbContext(DbContextOptions<SqliteDesignerDbContext> options)
        : base(options)
    {
    }

    /// <summary>Stores <see cref="DateTimeOffset"/> as UTC ticks so it sorts, filters and round-trips exactly on SQLite.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
