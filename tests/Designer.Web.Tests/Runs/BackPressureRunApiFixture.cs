using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>A host whose run backlog is tiny, so a test can fill it with work it holds.</summary>
public sealed class BackPressureRunApiFixture : RunApiFixture
{
    public const int MaxQueuedRuns = 3;

    protected override Task<DesignerWebFactory> CreateFactoryAsync()
    {
        var factory = new DesignerWebFactory();
        factory.Settings["Designer:Runtime:MaxQueuedRuns"] = MaxQueuedRuns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(factory);
    }
}
