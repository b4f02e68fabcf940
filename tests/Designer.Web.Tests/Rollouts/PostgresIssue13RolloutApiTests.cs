using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Rollouts;

public sealed class PostgresIssue13RolloutApiTests(PostgresIssue13RolloutFixture fixture) : Issue13RolloutApiTests(fixture), IClassFixture<PostgresIssue13RolloutFixture>
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
