using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Rollouts;

public sealed class SqliteIssue13RolloutFixture : Issue13RolloutFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
