using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Batches;

public sealed class PostgresIssue16BatchTests(PostgresIssue16BatchFixture fixture) : Issue16BatchTests(fixture), IClassFixture<PostgresIssue16BatchFixture>
{
    private readonly PostgresIssue16BatchFixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
