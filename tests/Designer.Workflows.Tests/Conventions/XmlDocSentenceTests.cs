using System.Text;
using System.Text.RegularExpressions;

namespace Designer.Workflows.Tests.Conventions;

/// <summary>
/// Issue 17: a doc comment says what a member is for, not its name again. CS1591 forces a summary on every public
/// member, which invites fillers such as <c>&lt;summary&gt;Config.&lt;/summary&gt;</c> or
/// <c>&lt;param name="ct"&gt;Cancellation.&lt;/param&gt;</c>; this scan of <c>src/</c> keeps them out. It also keeps
/// README's Layout section naming every project.
/// </summary>
public sealed partial class XmlDocSentenceTests
{
    [Fact]
    public void DocComments_InSrc_HaveNoOneWordSummaryParamOrReturns_Issue17()
    {
        // Arrange
        var root = FindRepositoryRoot();
        Require(root is not null, "The repository's src/ folder is not above the test assembly, so there is nothing to scan.");

        // Act
        var fillers = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root!, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root!, file).Replace('\\', '/');
            if (IsSkipped(relative))
            {
                continue;
            }

            fillers.AddRange(Scan(relative, File.ReadAllLines(file)));
        }

        // Assert
        Assert.True(fillers.Count == 0,
            $"{fillers.Count} doc comment(s) only repeat a word; say what the member is for, drop the <param>/<returns>, "
            + "or make the member internal:" + Environment.NewLine + string.Join(Environment.NewLine, fillers));
    }

    [Fact]
    public void ReadmeLayout_EveryProject_IsListed_Issue17()
    {
        // Arrange
        var root = FindRepositoryRoot();
        Require(root is not null, "The repository is not above the test assembly, so there is no README to read.");
        var readme = File.ReadAllText(Path.Combine(root!, "README.md"));
        var start = readme.IndexOf("## Layout", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Layout' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var layout = end < 0 ? readme[start..] : readme[start..end];

        // Act
        var missing = new[] { "src", "tests", "bench" }
            .Select(folder => Path.Combine(root!, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !layout.Contains($"`{name}`", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Assert
        Assert.True(missing.Count == 0, "README.md's Layout section does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void Scan_OneWordAndSentences_FlagsOnlyTheFillers_Issue17()
    {
        // Arrange
        string[] lines =
        [
            "/// <summary>Config.</summary>",
            "/// <summary>",
            "/// The value.",
            "/// </summary>",
            "/// <param name=\"cancellationToken\">Cancellation.</param>",
            "/// <param name=\"id\">Run whose nodes are shown.</param>",
            "/// <returns></returns>",
            "/// <summary>Whether the palette is inert (a read-only user).</summary>",
        ];

        // Act
        var fillers = Scan("a.cs", lines);

        // Assert
        Assert.Equal(["a.cs:1 <summary>Config.</summary>", "a.cs:2 <summary>The value.</summary>",
            "a.cs:5 <param>Cancellation.</param>", "a.cs:7 <returns></returns>"], fillers);
    }

    private static IEnumerable<string> Scan(string file, IReadOnlyList<string> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsDocLine(lines[i]))
            {
                i++;
                continue;
            }

            // One doc block: its lines joined, so that a summary spread over several lines is read as one.
            var start = i;
            var block = new StringBuilder();
            while (i < lines.Count && IsDocLine(lines[i]))
            {
                block.Append(lines[i].TrimStart()[3..]).Append('\n');
                i++;
            }

            var text = block.ToString();
            foreach (Match element in DocElement().Matches(text))
            {
                var content = string.Join(' ', element.Groups["content"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (content.Length == 0 || OneWord().IsMatch(content))
                {
                    var line = start + 1 + text[..element.Index].Count(c => c == '\n');
                    var tag = element.Groups["tag"].Value;
                    yield return $"{file}:{line} <{tag}>{content}</{tag}>";
                }
            }
        }
    }

    private static bool IsDocLine(string line) => line.TrimStart().StartsWith("///", StringComparison.Ordinal);

    private static bool IsSkipped(string relative) =>
        relative.Contains("/Migrations/", StringComparison.Ordinal)
        || relative.Contains("/obj/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal);

    private static string? FindRepositoryRoot()
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

    private static void Require(bool available, string message)
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

    [GeneratedRegex(@"<(?<tag>summary|param|returns|typeparam)(\s+name=""[^""]*"")?>(?<content>.*?)</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex DocElement();

    // "Config.", "The value.", "An id": an optional article and one word.
    [GeneratedRegex(@"^((The|A|An)\s+)?[A-Za-z]+\.?$")]
    private static partial Regex OneWord();
}
