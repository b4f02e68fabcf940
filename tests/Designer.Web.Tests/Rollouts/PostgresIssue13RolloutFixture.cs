using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Rollouts;

public sealed class PostgresIssue13RolloutFixture : Issue13RolloutFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}
