using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

public sealed class PostgresIssue13DemoVersionsSeedTests : Issue13DemoVersionsSeedTests
{
    protected override async Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        var first = SqliteIssue13DemoVersionsSeedTests.Seeding(new DesignerWebFactory(database) { KeepData = true });
        return (first, () => SqliteIssue13DemoVersionsSeedTests.Seeding(new DesignerWebFactory(database, first.DataDirectory)));
    }
}
