namespace Designer.Web.Tests.Infrastructure;

/// <summary>The Redis server scripts/test.sh starts (DESIGNER_TEST_REDIS); skip locally without it, fail when CI=true.</summary>
internal static class TestRedis
{
    public const string Variable = "DESIGNER_TEST_REDIS";

    public static string RequireServer()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        const string message = $"{Variable} is not set: run scripts/test.sh, which starts a throwaway Redis.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
