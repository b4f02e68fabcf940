using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresIssue14StorageRedactionTests : Issue14StorageRedactionTests
{
    protected override async Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        var first = new DesignerWebFactory(database) { KeepData = true };
        return (first, () => new DesignerWebFactory(database, first.DataDirectory));
    }
}
