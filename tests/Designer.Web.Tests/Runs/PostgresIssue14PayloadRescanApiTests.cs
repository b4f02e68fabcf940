using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresIssue14PayloadRescanApiTests : Issue14PayloadRescanApiTests
{
    protected override async Task<DesignerWebFactory> CreateFactoryAsync() =>
        new(await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer()));
}
