using Npgsql;

namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>
/// PostgreSQL databases on the server named by <c>DESIGNER_TEST_POSTGRES</c> (an Npgsql connection string whose
/// user may CREATE DATABASE): one uniquely named database per request, dropped when the test class ends.
/// Without the variable the tests skip, or fail when <c>CI=true</c>.
/// </summary>
public sealed class PostgresStorageFixture : StorageFixture
{
    public const string VariableName = "DESIGNER_TEST_POSTGRES";

    private readonly string? _adminConnectionString = Environment.GetEnvironmentVariable(VariableName);

    public PostgresStorageFixture()
    {
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            UnavailableReason = $"PostgreSQL tests need {VariableName}, an Npgsql connection string to a server where the user can CREATE DATABASE "
                + "(e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).";
        }
    }

    public override string Provider => StorageOptions.PostgreSql;

    protected override async Task<TestStorage> CreateStorageAsync(CancellationToken cancellationToken)
    {
        var admin = _adminConnectionString!;
        var database = $"designer_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();
        return await TestStorage.CreateAsync(Provider, connectionString, () => DropAsync(admin, connectionString, database), cancellationToken);
    }

    private static async ValueTask DropAsync(string admin, string connectionString, string database)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
