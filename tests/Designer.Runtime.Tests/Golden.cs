namespace Designer.Runtime.Tests;

/// <summary>Golden-file comparison; DESIGNER_UPDATE_GOLDEN=1 rewrites the source file instead.</summary>
internal static class Golden
{
    public static void Assert(string name, string actual)
    {
        var sourcePath = Path.Combine(SourceDirectory(), "Golden", name);
        if (Environment.GetEnvironmentVariable("DESIGNER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(sourcePath, actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));
        Xunit.Assert.Equal(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
