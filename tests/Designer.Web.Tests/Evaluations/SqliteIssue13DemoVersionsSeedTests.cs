using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

public sealed class SqliteIssue13DemoVersionsSeedTests : Issue13DemoVersionsSeedTests
{
    protected override Task<(DesignerWebFactory First, Func<DesignerWebFactory> Second)> CreateFactoriesAsync()
    {
        var first = Seeding(new DesignerWebFactory(dataDirectory: null) { KeepData = true });
        return Task.FromResult<(DesignerWebFactory, Func<DesignerWebFactory>)>((first, () => Seeding(new DesignerWebFactory(dataDirectory: first.DataDirectory))));
    }

    internal static DesignerWebFactory Seeding(DesignerWebFactory factory)
    {
        factory.Settings["Designer:Demo:SeedVersions"] = "true";
        return factory;
    }
}
