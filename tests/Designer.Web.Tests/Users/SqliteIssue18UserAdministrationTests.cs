namespace Designer.Web.Tests.Users;

public sealed class SqliteIssue18UserAdministrationTests(SqliteUserAdministrationFixture fixture)
    : Issue18UserAdministrationTests(fixture), IClassFixture<SqliteUserAdministrationFixture>
{
    protected override void EnsureProvider()
    {
    }
}
