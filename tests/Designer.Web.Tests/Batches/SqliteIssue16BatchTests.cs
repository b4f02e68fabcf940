namespace Designer.Web.Tests.Batches;

public sealed class SqliteIssue16BatchTests(SqliteIssue16BatchFixture fixture) : Issue16BatchTests(fixture), IClassFixture<SqliteIssue16BatchFixture>
{
    protected override void EnsureProvider()
    {
    }
}
