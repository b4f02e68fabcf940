using Microsoft.Data.Sqlite;

namespace Designer.Persistence.Storage;

/// <summary>Resolves the effective connection string.</summary>
internal static class StorageConnection
{
    public const string DataDirectoryKey = "Designer:DataDirectory";
    public const string DefaultDataDirectory = "data";
    public const string DefaultSqliteFile = "designer.db";

    /// <summary>The SQLite default, <c>Data Source=&lt;DataDirectory&gt;/designer.db</c>, with a relative directory resolved against the content root.</summary>
    public static string DefaultSqlite(string? dataDirectory, string contentRoot)
    {
        var directory = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory;
        var fullDirectory = Path.GetFullPath(Path.Combine(contentRoot, directory));
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(fullDirectory, DefaultSqliteFile) }.ToString();
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
