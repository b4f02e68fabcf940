using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

public sealed class SqliteCollectionApiFixture : CollectionApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
