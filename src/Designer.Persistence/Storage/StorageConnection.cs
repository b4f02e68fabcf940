using Designer.Hosting;
using Microsoft.Data.Sqlite;

namespace Designer.Persistence.Storage;

/// <summary>Resolves the effective connection string.</summary>
internal static class StorageConnection
{
    public const string DefaultSqliteFile = "designer.db";

    /// <summary>The SQLite default, <c>Data Source=&lt;DataDirectory&gt;/designer.db</c>, with a relative directory resolved against the content root.</summary>
    public static string DefaultSqlite(string? dataDirectory, string contentRoot)
    {
        var file = DataDirectory.Resolve(dataDirectory, contentRoot, DefaultSqliteFile);
        return new SqliteConnectionStringBuilder { DataSource = file }.ToString();
    }

    /// <summary>Creates the folder of a file-based SQLite database.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource)
            || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
