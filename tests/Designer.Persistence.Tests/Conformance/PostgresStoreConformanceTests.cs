using Designer.Persistence.Tests.Infrastructure;

namespace Designer.Persistence.Tests.Conformance;

public sealed class PostgresStoreConformanceTests(PostgresStorageFixture fixture)
    : StoreConformanceTests(fixture), IClassFixture<PostgresStorageFixture>
{
    [Fact]
    public async Task ContextFactory_PostgreSqlProvider_CreatesPostgresContext()
    {
        // Arrange
        var storage = Storage;

        // Act
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);

        // Assert
        Assert.IsType<PostgresDesignerDbContext>(db);
    }
}
