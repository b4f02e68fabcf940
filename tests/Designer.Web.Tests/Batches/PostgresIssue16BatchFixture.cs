using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Batches;

public sealed class PostgresIssue16BatchFixture : Issue16BatchFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}
