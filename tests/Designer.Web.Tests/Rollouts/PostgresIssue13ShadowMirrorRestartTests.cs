using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Rollouts;

public sealed class PostgresIssue13ShadowMirrorRestartTests : Issue13ShadowMirrorRestartTests
{
    protected override async Task<string?> ConnectionStringAsync()
    {
        var server = Environment.GetEnvironmentVariable(TestPostgres.Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            TestPostgres.RequireServer();
        }

        return await TestPostgres.CreateDatabaseAsync(server!);
    }
}
