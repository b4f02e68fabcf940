using System.Net;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.InferenceHost.Tests;

/// <summary>/health is ready only once dispute-risk is registered and loaded.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_BeforeBootstrap_UnhealthyThenHealthyOnceLoaded()
    {
        // Arrange: a host that does not bootstrap at start.
        await using var factory = new HostFactory(new() { ["Designer:Inference:BootstrapRiskModel"] = "false" });
        var client = factory.CreateClient();

        // Act
        var before = await client.GetAsync("/health");
        var registered = await factory.Services.GetRequiredService<RiskModelService>().EnsureBootstrapAsync(CancellationToken.None);
        var registeredOnly = await client.GetAsync("/health");
        await factory.Services.GetRequiredService<SessionPool>().GetAsync(registered!, CancellationToken.None);
        var after = await client.GetAsync("/health");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(ModelStatus.Approved, registered!.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, registeredOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
