namespace Designer.Web.Tests.Evaluations;

public sealed class SqliteIssue13ModelApprovalGateApiTests(SqliteIssue13Fixture fixture) : Issue13ModelApprovalGateApiTests(fixture), IClassFixture<SqliteIssue13Fixture>
{
    protected override void EnsureProvider()
    {
    }
}
