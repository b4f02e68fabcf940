using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

public sealed class PostgresIssue13Fixture : Issue13Fixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}
