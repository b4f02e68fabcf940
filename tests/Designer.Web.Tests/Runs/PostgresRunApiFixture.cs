using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class PostgresRunApiFixture : RunApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}
