using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

public sealed class PostgresCollectionRestartTests : CollectionRestartTests
{
    protected override async Task<string?> DatabaseAsync() => await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
}
