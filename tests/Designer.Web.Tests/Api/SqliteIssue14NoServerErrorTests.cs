using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Api;

public sealed class SqliteIssue14NoServerErrorTests(SqliteRunApiFixture fixture) : Issue14NoServerErrorTests(fixture), IClassFixture<SqliteRunApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
