namespace Designer.Web.Tests.Evaluations;

public sealed class SqliteIssue13EvaluationApiTests(SqliteIssue13Fixture fixture) : Issue13EvaluationApiTests(fixture), IClassFixture<SqliteIssue13Fixture>
{
    protected override void EnsureProvider()
    {
    }
}
