using Microsoft.Data.Sqlite;

namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>SQLite databases in a temporary folder per test class.</summary>
public sealed class SqliteStorageFixture : StorageFixture
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("designer-persistence-").FullName;

    public override string Provider => StorageOptions.Sqlite;

    public string Folder => _directory;

    protected override Task<TestStorage> CreateStorageAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return TestStorage.CreateAsync(Provider, connectionString, () => ValueTask.CompletedTask, cancellationToken);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
        await base.DisposeCoreAsync();
    }
}
