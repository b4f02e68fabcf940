using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

public sealed class PostgresLifecycleApiTests : LifecycleApiTests
{
    protected override async Task<DesignerWebFactory> CreateFactoryAsync() =>
        new(await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer()));
}
