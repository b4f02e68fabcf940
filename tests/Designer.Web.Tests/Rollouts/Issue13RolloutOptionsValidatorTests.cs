using Designer.Web.Rollouts;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13: the live-shadow queue's settings are checked on start, every problem listed.</summary>
public sealed class Issue13RolloutOptionsValidatorTests
{
    [Fact]
    public void Validate_Issue13_Defaults_Succeed()
    {
        // Arrange
        var options = new RolloutOptions();

        // Act
        var result = new RolloutOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(1_000, options.ShadowQueueCapacity);
    }

    [Fact]
    public void Validate_Issue13_BadShadowQueueSettings_ListsEachProblem()
    {
        // Arrange
        var options = new RolloutOptions
        {
            ShadowQueueCapacity = 0,
            ShadowLease = TimeSpan.Zero,
            ShadowPollInterval = TimeSpan.FromHours(1),
            ShadowMaxAttempts = 0,
        };

        // Act
        var result = new RolloutOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("ShadowQueueCapacity", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ShadowLease", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ShadowPollInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ShadowMaxAttempts", StringComparison.Ordinal));
    }
}
