using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresIssue13IdempotentStartTests(PostgresRunApiFixture fixture) : Issue13IdempotentStartTests(fixture), IClassFixture<PostgresRunApiFixture>
{
    private readonly PostgresRunApiFixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
