namespace Designer.Workflows.Tests.Conventions;

/// <summary>
/// The repository's C# sources as the convention scans read them: the root is the folder above the test assembly that
/// holds Designer.sln and src/, and migrations and build output are left out (generated, not written by hand).
/// </summary>
internal static class SourceTree
{
    /// <summary>The repository root, or null where the tests run from a copy without sources.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Designer.sln")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Skips the test when the sources are not there, except on CI, where that is a failure.</summary>
    public static void Require(bool available, string message)
    {
        if (available)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " (CI=true, so this is a failure rather than a skip)");
        }

        Assert.Skip(message);
    }

    /// <summary>
    /// Each hand-written .cs file under <paramref name="folder"/> of <paramref name="root"/>, as a path relative to the
    /// root with forward slashes (what the failure messages print).
    /// </summary>
    public static IEnumerable<string> Files(string root, string folder) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(relative => !IsSkipped(relative))
            .Order(StringComparer.Ordinal);

    private static bool IsSkipped(string relative) =>
        relative.Contains("/Migrations/", StringComparison.Ordinal)
        || relative.Contains("/obj/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal);
}
