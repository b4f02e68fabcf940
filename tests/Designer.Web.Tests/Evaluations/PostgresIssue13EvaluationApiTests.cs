using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

public sealed class PostgresIssue13EvaluationApiTests(PostgresIssue13Fixture fixture) : Issue13EvaluationApiTests(fixture), IClassFixture<PostgresIssue13Fixture>
{
    private readonly PostgresIssue13Fixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
