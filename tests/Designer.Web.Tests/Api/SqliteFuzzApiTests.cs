using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

public sealed class SqliteFuzzApiTests : FuzzApiTests
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
