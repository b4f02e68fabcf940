using Designer.Web.Notifications;

namespace Designer.Web.Tests.Notifications;

/// <summary>Issue 16 item 3: subscriber configuration is checked on start, every problem listed, the secret never shown.</summary>
public sealed class Issue16NotificationOptionsTests
{
    [Fact]
    public void Validate_Issue16_BadSubscriber_ListsEveryProblemWithoutTheSecret()
    {
        // Arrange
        var options = new NotificationOptions();
        options.Subscribers["bad name"] = new NotificationSubscriberOptions
        {
            Url = "ftp://example.org/hook",
            Secret = "short-secret",
            Events = ["run.completed", "run.exploded"],
            MaxAttempts = 0,
            RetryDelay = TimeSpan.Zero,
            Timeout = TimeSpan.FromMinutes(5),
        };

        // Act
        var problems = NotificationOptionsValidator.Problems(options);

        // Assert
        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.Contains("name must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":Url must be an absolute http or https URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":Secret must be at least 32", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'run.exploded'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":RetryDelay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":Timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("short-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Issue16_GoodSubscriber_Succeeds()
    {
        // Arrange
        var options = new NotificationOptions();
        options.Subscribers["ops"] = new NotificationSubscriberOptions
        {
            Url = "https://hooks.example.org/designer",
            Secret = new string('s', 32),
            Events = ["run.failed"],
        };

        // Act
        var result = new NotificationOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Backoff_Issue16_DoublesPerAttemptCappedAtAnHour()
    {
        // Act / Assert
        Assert.Equal(TimeSpan.FromSeconds(10), NotificationWorker.Backoff(TimeSpan.FromSeconds(10), 1));
        Assert.Equal(TimeSpan.FromSeconds(40), NotificationWorker.Backoff(TimeSpan.FromSeconds(10), 3));
        Assert.Equal(TimeSpan.FromHours(1), NotificationWorker.Backoff(TimeSpan.FromSeconds(10), 40));
    }
}
