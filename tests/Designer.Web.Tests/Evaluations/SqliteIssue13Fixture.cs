using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

public sealed class SqliteIssue13Fixture : Issue13Fixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
