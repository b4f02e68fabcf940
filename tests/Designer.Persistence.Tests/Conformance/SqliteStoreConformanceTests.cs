using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public sealed class SqliteStoreConformanceTests(SqliteStorageFixture fixture)
    : StoreConformanceTests(fixture), IClassFixture<SqliteStorageFixture>
{
    protected override IReadOnlyList<string> RefuseAuditInsertsSql =>
    [
        """CREATE TRIGGER "RefuseAudit" BEFORE INSERT ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'audit insert refused by test'); END;""",
    ];

    [Fact]
    public async Task Connection_Opened_UsesWalBusyTimeoutAndNormalSync()
    {
        // Arrange
        await using var db = await Storage.Contexts.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);

        // Act
        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync(Ct);
        var timeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync(Ct);
        var synchronous = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync(Ct);

        // Assert
        Assert.IsType<SqliteDesignerDbContext>(db);
        Assert.Equal("wal", journal);
        Assert.Equal(30_000, timeout);
        Assert.Equal(1, synchronous); // NORMAL
    }

    [Fact]
    public async Task Connection_ReopenedFromPool_KeepsBusyTimeoutAndNormalSync()
    {
        // Arrange: the PRAGMAs are sent once per native connection; later opens reuse it from the pool.
        for (var i = 0; i < 3; i++)
        {
            await using var warm = await Storage.Contexts.CreateDbContextAsync(Ct);
            await warm.Database.OpenConnectionAsync(Ct);
            await warm.Database.CloseConnectionAsync();
        }

        await using var db = await Storage.Contexts.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);

        // Act
        var timeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync(Ct);
        var synchronous = await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync(Ct);

        // Assert
        Assert.Equal(30_000, timeout);
        Assert.Equal(1, synchronous);
    }
}
