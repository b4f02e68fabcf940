using Designer.Persistence.Tests.Infrastructure;

namespace Designer.Persistence.Tests.Conformance;

public sealed class PostgresStoreConformanceTests(PostgresStorageFixture fixture)
    : StoreConformanceTests(fixture), IClassFixture<PostgresStorageFixture>
{
    protected override IReadOnlyList<string> RefuseAuditInsertsSql =>
    [
        """CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit insert refused by test'; END $$;""",
        """CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();""",
    ];

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
