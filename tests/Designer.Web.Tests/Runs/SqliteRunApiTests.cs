namespace Designer.Web.Tests.Runs;

public sealed class SqliteRunApiTests(SqliteRunApiFixture fixture) : RunApiTests(fixture), IClassFixture<SqliteRunApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
