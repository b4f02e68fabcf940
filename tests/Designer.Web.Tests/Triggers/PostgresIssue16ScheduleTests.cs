using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Triggers;

public sealed class PostgresIssue16ScheduleTests(PostgresIssue13RolloutFixture fixture) : Issue16ScheduleTests(fixture), IClassFixture<PostgresIssue13RolloutFixture>
{
    private readonly PostgresIssue13RolloutFixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
