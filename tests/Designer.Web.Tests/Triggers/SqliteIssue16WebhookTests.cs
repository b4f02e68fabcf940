using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Triggers;

public sealed class SqliteIssue16WebhookTests(SqliteIssue13RolloutFixture fixture) : Issue16WebhookTests(fixture), IClassFixture<SqliteIssue13RolloutFixture>
{
    protected override void EnsureProvider()
    {
    }
}
