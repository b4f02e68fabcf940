namespace Designer.Web.Tests.RunsUi;

public sealed class SqliteRunAnalyticsTests : RunAnalyticsTests
{
    protected override void EnsureProvider()
    {
    }
}
