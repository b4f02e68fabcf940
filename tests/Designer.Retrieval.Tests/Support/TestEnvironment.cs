namespace Designer.Retrieval.Tests.Support;

/// <summary>Skips a test that needs an external resource, or fails it under CI=true, where the resource must exist.</summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string message)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail(message + " (CI=true, so this is a failure rather than a skip)");
        }

        Assert.Skip(message);
    }

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "designer-retrieval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
