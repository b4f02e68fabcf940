using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Api;

public sealed class PostgresIssue14NoServerErrorTests(PostgresRunApiFixture fixture) : Issue14NoServerErrorTests(fixture), IClassFixture<PostgresRunApiFixture>
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
