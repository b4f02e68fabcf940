using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class SqliteIssue14PayloadRescanApiTests : Issue14PayloadRescanApiTests
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
