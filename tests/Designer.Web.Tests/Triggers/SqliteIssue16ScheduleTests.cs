using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Triggers;

public sealed class SqliteIssue16ScheduleTests(SqliteIssue13RolloutFixture fixture) : Issue16ScheduleTests(fixture), IClassFixture<SqliteIssue13RolloutFixture>
{
    protected override void EnsureProvider()
    {
    }
}
