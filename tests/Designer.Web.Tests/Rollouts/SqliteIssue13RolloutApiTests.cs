namespace Designer.Web.Tests.Rollouts;

public sealed class SqliteIssue13RolloutApiTests(SqliteIssue13RolloutFixture fixture) : Issue13RolloutApiTests(fixture), IClassFixture<SqliteIssue13RolloutFixture>
{
    protected override void EnsureProvider()
    {
    }
}
