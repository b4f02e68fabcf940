using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Runs;

public sealed class SqliteIssue14RunAuditTests(SqliteIssue13RolloutFixture fixture) : Issue14RunAuditTests(fixture), IClassFixture<SqliteIssue13RolloutFixture>
{
    protected override void EnsureProvider()
    {
    }
}
