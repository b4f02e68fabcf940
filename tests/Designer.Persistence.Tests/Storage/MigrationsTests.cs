using Designer.Persistence.Data;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Storage;

/// <summary>Model-versus-migrations checks that need no database server, so they run even where PostgreSQL is absent.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteContext_ComparedWithItsMigrations_HasNoPendingModelChanges()
    {
        // Arrange
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void PostgresContext_ComparedWithItsMigrations_HasNoPendingModelChanges()
    {
        // Arrange
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void BothContexts_Migrations_AreSeparateSets()
    {
        // Arrange
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        // Act
        var shared = sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations());

        // Assert
        Assert.Empty(shared);
    }
}
