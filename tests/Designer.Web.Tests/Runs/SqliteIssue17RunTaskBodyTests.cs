namespace Designer.Web.Tests.Runs;

public sealed class SqliteIssue17RunTaskBodyTests(SqliteRunApiFixture fixture) : Issue17RunTaskBodyTests(fixture), IClassFixture<SqliteRunApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
