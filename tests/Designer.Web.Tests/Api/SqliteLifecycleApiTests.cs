using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

public sealed class SqliteLifecycleApiTests : LifecycleApiTests
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
