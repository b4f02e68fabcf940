using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Batches;

public sealed class SqliteIssue16BatchFixture : Issue16BatchFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
