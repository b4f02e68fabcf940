using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class SqliteRunApiFixture : RunApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
