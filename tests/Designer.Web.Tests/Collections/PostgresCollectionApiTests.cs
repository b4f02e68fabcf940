using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

public sealed class PostgresCollectionApiTests(PostgresCollectionApiFixture fixture) : CollectionApiTests(fixture), IClassFixture<PostgresCollectionApiFixture>
{
    private readonly PostgresCollectionApiFixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
