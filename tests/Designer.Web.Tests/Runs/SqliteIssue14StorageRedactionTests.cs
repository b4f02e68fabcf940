using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

public sealed class SqliteIssue14StorageRedactionTests : Issue14StorageRedactionTests
{
    protected override Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync()
    {
        var first = new DesignerWebFactory(dataDirectory: null) { KeepData = true };
        return Task.FromResult<(DesignerWebFactory, Func<DesignerWebFactory>)>((first, () => new DesignerWebFactory(dataDirectory: first.DataDirectory)));
    }
}
