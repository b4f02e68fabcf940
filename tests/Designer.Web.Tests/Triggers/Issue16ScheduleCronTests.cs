using Designer.Web.Triggers;

namespace Designer.Web.Tests.Triggers;

/// <summary>Issue 16 item 1b: cron and time-zone handling of schedules (Cronos), daylight saving time included, and the options.</summary>
public sealed class Issue16ScheduleCronTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Between_Issue16Dst_SpringForwardSkippedTimeFiresOnceAtTheShiftedInstant()
    {
        // Arrange: 02:30 does not exist in Berlin on 28 March 2027 (02:00 CET → 03:00 CEST).
        var cron = ScheduleCron.TryParse("30 2 * * *", out _)!;

        // Act
        var occurrences = ScheduleCron.Between(cron, Berlin, new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 12, 0, 0, TimeSpan.Zero), 10);

        // Assert: once on the day of the change (03:00 CEST = 01:00 UTC), then 02:30 CEST = 00:30 UTC.
        Assert.Equal([new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero)], occurrences);
    }

    [Fact]
    public void Between_Issue16Dst_FallBackRepeatedTimeFiresOnce()
    {
        // Arrange: 02:30 happens twice in Berlin on 31 October 2027 (CEST, then CET).
        var cron = ScheduleCron.TryParse("30 2 * * *", out _)!;

        // Act
        var occurrences = ScheduleCron.Between(cron, Berlin, new DateTimeOffset(2027, 10, 30, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 10, 31, 12, 0, 0, TimeSpan.Zero), 10);

        // Assert
        Assert.Equal([new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero)], occurrences);
    }

    [Fact]
    public void Next_Issue16TimeZone_SameLocalTimeAcrossTheChangeMovesInUtc()
    {
        // Arrange
        var cron = ScheduleCron.TryParse("0 9 * * *", out _)!;

        // Act
        var next = ScheduleCron.Next(cron, Berlin, new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), 2);

        // Assert: 09:00 CET = 08:00 UTC, then 09:00 CEST = 07:00 UTC.
        Assert.Equal([new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero)], next);
    }

    [Fact]
    public void Between_Issue16Limit_KeepsTheNewestOccurrences()
    {
        // Arrange
        var cron = ScheduleCron.TryParse("*/15 * * * * *", out _)!;
        var from = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var occurrences = ScheduleCron.Between(cron, TimeZoneInfo.Utc, from, from.AddMinutes(10), 2);

        // Assert
        Assert.Equal([from.AddMinutes(10).AddSeconds(-15), from.AddMinutes(10)], occurrences);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("* * * *", "4 fields")]
    [InlineData("0 0 0 * * * *", "7 fields")]
    [InlineData("61 * * * *", "malformed")]
    [InlineData("0 25 * * *", "malformed")]
    [InlineData("0 0 31 2 *", "never occurs")]
    public void TryParse_Issue16MalformedCron_NamesTheProblem(string cron, string expected)
    {
        // Act
        var parsed = ScheduleCron.TryParse(cron, out var problem);

        // Assert
        Assert.Null(parsed);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("UTC", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void TryFindTimeZone_Issue16_IanaOnly(string id, bool found)
    {
        // Act
        var zone = ScheduleCron.TryFindTimeZone(id, out var problem);

        // Assert
        Assert.Equal(found, zone is not null);
        Assert.Equal(found, problem is null);
    }

    [Fact]
    public void Validate_Issue16ScheduleOptions_BadIntervalAndCapBothNamed()
    {
        // Act
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { PollInterval = TimeSpan.Zero, MaxCatchUp = 0 });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("PollInterval", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("MaxCatchUp", StringComparison.Ordinal));
    }
}
