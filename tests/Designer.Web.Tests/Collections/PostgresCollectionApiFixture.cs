using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

public sealed class PostgresCollectionApiFixture : CollectionApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}
