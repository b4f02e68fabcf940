using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresRunApiTests(PostgresRunApiFixture fixture) : RunApiTests(fixture), IClassFixture<PostgresRunApiFixture>
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
