namespace Designer.Web.Tests.Runs;

public sealed class SqliteIssue13IdempotentStartTests(SqliteRunApiFixture fixture) : Issue13IdempotentStartTests(fixture), IClassFixture<SqliteRunApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
