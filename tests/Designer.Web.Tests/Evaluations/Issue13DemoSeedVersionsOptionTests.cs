using Designer.Web.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13: the demo's versions are seeded like the rest of the demo — Development only unless set.</summary>
public sealed class Issue13DemoSeedVersionsOptionTests
{
    [Theory]
    [InlineData("Development", null, null, true)]
    [InlineData("Development", null, false, false)]
    [InlineData("Development", false, true, false)]
    [InlineData("Testing", true, null, false)]
    [InlineData("Testing", true, true, true)]
    [InlineData("Production", null, true, false)]
    public void SeedsVersions_Issue13_DevelopmentDemoOnlyUnlessExplicit(string environment, bool? seed, bool? seedVersions, bool expected)
    {
        // Arrange
        var options = new DemoOptions { Seed = seed, SeedVersions = seedVersions };

        // Act
        var seeds = options.SeedsVersions(new HostingEnvironment { EnvironmentName = environment });

        // Assert
        Assert.Equal(expected, seeds);
    }
}
