using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresIssue14RunAuditTests(PostgresIssue13RolloutFixture fixture) : Issue14RunAuditTests(fixture), IClassFixture<PostgresIssue13RolloutFixture>
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
