using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.RunsUi;

public sealed class PostgresRunAnalyticsTests : RunAnalyticsTests
{
    protected override RunApiFixture CreateApp() => new PostgresRunApiFixture();

    protected override void EnsureProvider()
    {
        if (((PostgresRunApiFixture)App).Unavailable is not null)
        {
            TestPostgres.RequireServer();
        }
    }
}
