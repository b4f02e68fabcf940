using Npgsql;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server that scripts/test.sh starts (DESIGNER_TEST_POSTGRES). Tests that need it skip with a clear
/// message when it is missing locally and fail when CI=true.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "DESIGNER_TEST_POSTGRES";

    public static string RequireServer()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        const string message = $"{Variable} is not set: run scripts/test.sh, which starts a throwaway PostgreSQL.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }

    /// <summary>
    /// The web factory a PostgreSQL fixture runs on: a fresh database of the test server, or, where <see cref="Variable"/>
    /// is not set, a SQLite one with the reason passed to <paramref name="unavailable"/> so that the tests can skip.
    /// </summary>
    public static async Task<DesignerWebFactory> CreateFactoryAsync(Action<string> unavailable)
    {
        ArgumentNullException.ThrowIfNull(unavailable);
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            unavailable($"{Variable} is not set.");
            return new DesignerWebFactory();
        }

        return new DesignerWebFactory(await CreateDatabaseAsync(server));
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"designer_web_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
