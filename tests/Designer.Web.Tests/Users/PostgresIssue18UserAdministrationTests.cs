using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Users;

public sealed class PostgresIssue18UserAdministrationTests(PostgresUserAdministrationFixture fixture)
    : Issue18UserAdministrationTests(fixture), IClassFixture<PostgresUserAdministrationFixture>
{
    protected override void EnsureProvider() => TestPostgres.RequireServer();
}
