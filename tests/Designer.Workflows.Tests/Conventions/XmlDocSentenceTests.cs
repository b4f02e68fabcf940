using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Designer.Workflows.Tests.Conventions;

/// <summary>
/// Issue 17: a doc comment says what a member is for, not its name again. CS1591 forces a summary on every public
/// member, which invites fillers such as <c>&lt;summary&gt;Config.&lt;/summary&gt;</c> or
/// <c>&lt;param name="ct"&gt;Cancellation.&lt;/param&gt;</c>; this scan of <c>src/</c> keeps them out. Two rules:
/// a summary, param or returns of one word (an article allowed) is a filler; and a <c>&lt;param&gt;</c>,
/// <c>&lt;typeparam&gt;</c>, <c>&lt;returns&gt;</c> or a property's summary restates its name when every word in it
/// (case-insensitive, plural "s" dropped, "db" read as "database") is a word of the name, of its declared type or of
/// the member it belongs to (the method or record; for a property, the type declaring it), or one of the
/// <see cref="Ignorable"/> words. Words match when equal or when one starts with the other and the shorter has four
/// letters or more, so <c>cancellationToken</c>'s "Cancels the operation." and <c>WorkflowId</c>'s "Workflow id." are
/// fillers while <c>probabilities</c>'s "Predicted P(positive)." is not. It also keeps README's Layout section naming
/// every project.
/// </summary>
public sealed partial class XmlDocSentenceTests
{
    // Articles, "optional" (the type's ? says it already), and the verbs and nouns that the conventional service
    // parameters are described with ("Supplies timestamps.", "Creates database contexts.", "Cancels the call.").
    private static readonly FrozenSet<string> Ignorable = FrozenSet.Create(StringComparer.Ordinal,
        "the", "a", "an", "of", "its", "this", "optional", "new", "given", "supplies", "creates", "provides",
        "operation", "call");

    [Fact]
    public void DocComments_InSrc_HaveNoOneWordSummaryParamOrReturns_Issue17()
    {
        // Arrange
        var root = SourceTree.FindRepositoryRoot();
        SourceTree.Require(root is not null, "The repository's src/ folder is not above the test assembly, so there is nothing to scan.");

        // Act
        var fillers = ScanSources(root!, Scan);

        // Assert
        Assert.True(fillers.Count == 0,
            $"{fillers.Count} doc comment(s) only repeat a word; say what the member is for, drop the <param>/<returns>, "
            + "or make the member internal:" + Environment.NewLine + string.Join(Environment.NewLine, fillers));
    }

    [Fact]
    public void DocComments_InSrc_DoNotOnlyRestateTheName_Issue17()
    {
        // Arrange
        var root = SourceTree.FindRepositoryRoot();
        SourceTree.Require(root is not null, "The repository's src/ folder is not above the test assembly, so there is nothing to scan.");

        // Act
        var fillers = ScanSources(root!, ScanRestating);

        // Assert
        Assert.True(fillers.Count == 0,
            $"{fillers.Count} doc comment(s) only restate the name; drop the <param>/<returns> or say what the name does "
            + "not (units, who, when, what null means, ranges):" + Environment.NewLine + string.Join(Environment.NewLine, fillers));
    }

    [Fact]
    public void ReadmeLayout_EveryProject_IsListed_Issue17()
    {
        // Arrange
        var root = SourceTree.FindRepositoryRoot();
        SourceTree.Require(root is not null, "The repository is not above the test assembly, so there is no README to read.");
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

    [Fact]
    public void ScanRestating_FillersAndSentences_FlagsOnlyTheFillers_Issue17()
    {
        // Arrange
        string[] lines =
        [
            "/// <param name=\"workflowId\">Workflow id.</param>",
            "/// <param name=\"cancellationToken\">Cancels the operation.</param>",
            "/// <param name=\"timeProvider\">Supplies timestamps.</param>",
            "/// <param name=\"contextFactory\">Creates database contexts.</param>",
            "/// <param name=\"id\">Run whose nodes are shown.</param>",
            "/// <param name=\"probabilities\">Predicted P(positive).</param>",
            "/// <param name=\"take\">At most this many.</param>",
            "/// <returns>The run, or null.</returns>",
            "public Task<RunRecord?> GetRunAsync(Guid workflowId, Guid id, IReadOnlyList<double> probabilities, int take,",
            "    TimeProvider timeProvider, IDbContextFactory<DesignerDbContext> contextFactory, CancellationToken cancellationToken);",
            "/// <param name=\"Id\">Model id.</param>",
            "/// <param name=\"Description\">Optional",
            "/// description.</param>",
            "public sealed record ModelRecord(Guid Id, string? Description);",
            "public sealed class RunView",
            "{",
            "    /// <summary>The run's id.</summary>",
            "    public Guid RunId { get; init; }",
            "",
            "    /// <summary>Creation time (UTC).</summary>",
            "    public DateTimeOffset CreatedAt { get; init; }",
            "",
            "    /// <summary>The <see cref=\"RunView\"/>.</summary>",
            "    public RunView Self => this;",
            "}",
        ];

        // Act
        var fillers = ScanRestating("a.cs", lines);

        // Assert
        Assert.Equal(["a.cs:1 <param name=\"workflowId\">Workflow id.</param>",
            "a.cs:2 <param name=\"cancellationToken\">Cancels the operation.</param>",
            "a.cs:3 <param name=\"timeProvider\">Supplies timestamps.</param>",
            "a.cs:4 <param name=\"contextFactory\">Creates database contexts.</param>",
            "a.cs:11 <param name=\"Id\">Model id.</param>",
            "a.cs:12 <param name=\"Description\">Optional description.</param>",
            "a.cs:17 <summary>The run's id.</summary>",
            "a.cs:23 <summary>The <see cref=\"RunView\"/>.</summary>"], fillers);
    }

    private static List<string> ScanSources(string root, Func<string, IReadOnlyList<string>, IEnumerable<string>> scan) =>
        [.. SourceTree.Files(root, "src").SelectMany(relative => scan(relative, File.ReadAllLines(Path.Combine(root, relative))))];

    private static IEnumerable<string> Scan(string file, IReadOnlyList<string> lines)
    {
        foreach (var block in DocBlocks(lines))
        {
            foreach (Match element in DocElement().Matches(block.Text))
            {
                var content = Collapse(element.Groups["content"].Value);
                if (content.Length == 0 || OneWord().IsMatch(content))
                {
                    var tag = element.Groups["tag"].Value;
                    yield return $"{file}:{block.LineOf(element)} <{tag}>{content}</{tag}>";
                }
            }
        }
    }

    private static IEnumerable<string> ScanRestating(string file, IReadOnlyList<string> lines)
    {
        foreach (var block in DocBlocks(lines))
        {
            // What the block documents: the first line after it that is not an attribute, read with the next few so
            // that a signature over several lines is whole.
            var next = block.End;
            while (next < lines.Count && (lines[next].TrimStart().StartsWith('[') || lines[next].Trim().Length == 0))
            {
                next++;
            }

            var declaration = string.Join(' ', lines.Skip(next).Take(12));
            var member = Member().Match(declaration);
            var property = next < lines.Count ? Property().Match(lines[next]) : Match.Empty;
            foreach (Match element in DocElement().Matches(block.Text))
            {
                var tag = element.Groups["tag"].Value;
                var name = element.Groups["name"].Value;
                var known = new List<string>();
                if (tag is "param" or "typeparam")
                {
                    var parameter = Regex.Match(declaration, @"([\w<>\[\]?,.]+)\s+" + Regex.Escape(name) + @"\s*[,)=]");
                    known.AddRange([name, parameter.Groups[1].Value, member.Groups["name"].Value]);
                }
                else if (tag == "returns")
                {
                    known.AddRange([member.Groups["type"].Value, member.Groups["name"].Value]);
                }
                else if (property.Success)
                {
                    var owner = TypeDeclaration().Matches(string.Join('\n', lines.Take(next))).LastOrDefault();
                    known.AddRange([property.Groups["name"].Value, property.Groups["type"].Value, owner?.Groups[1].Value ?? ""]);
                }
                else
                {
                    continue;
                }

                if (Restates(element.Groups["content"].Value, known))
                {
                    var attribute = name.Length == 0 ? "" : $" name=\"{name}\"";
                    yield return $"{file}:{block.LineOf(element)} <{tag}{attribute}>{Collapse(element.Groups["content"].Value)}</{tag}>";
                }
            }
        }
    }

    private static bool Restates(string content, IEnumerable<string> known)
    {
        var text = CrefOrName().Replace(content, " $1 ");
        text = Possessive().Replace(Tag().Replace(text, " "), " ");
        var words = CamelWords().Matches(text).Select(word => word.Value.ToLowerInvariant()).ToList();
        var names = known.SelectMany(identifier => CamelWords().Matches(identifier)).Select(word => Normalise(word.Value)).ToList();
        return words.Count > 0
            && words.All(word => Ignorable.Contains(word) || names.Any(other => SameWord(Normalise(word), other)));
    }

    private static string Normalise(string word)
    {
        var lower = word.ToLowerInvariant();
        lower = lower == "db" ? "database" : lower;
        if (lower.Length > 3 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return lower[..^3] + "y";
        }

        return lower.Length > 2 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) ? lower[..^1] : lower;
    }

    // "cancel" and "cancellation", "timestamp" and "time": one starts with the other, and the shorter is a word.
    private static bool SameWord(string word, string other)
    {
        var (shorter, longer) = word.Length <= other.Length ? (word, other) : (other, word);
        return shorter == longer || (shorter.Length >= 4 && longer.StartsWith(shorter, StringComparison.Ordinal));
    }

    private static string Collapse(string content) =>
        string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // One doc block: its lines joined, so that a summary spread over several lines is read as one.
    private static IEnumerable<DocBlock> DocBlocks(IReadOnlyList<string> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsDocLine(lines[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var block = new StringBuilder();
            while (i < lines.Count && IsDocLine(lines[i]))
            {
                block.Append(lines[i].TrimStart()[3..]).Append('\n');
                i++;
            }

            yield return new DocBlock(start, i, block.ToString());
        }
    }

    private sealed record DocBlock(int Start, int End, string Text)
    {
        public int LineOf(Match element) => Start + 1 + Text[..element.Index].Count(c => c == '\n');
    }

    private static bool IsDocLine(string line) => line.TrimStart().StartsWith("///", StringComparison.Ordinal);

    [GeneratedRegex(@"<(?<tag>summary|param|returns|typeparam)(\s+name=""(?<name>[^""]*)"")?>(?<content>.*?)</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex DocElement();

    // "Config.", "The value.", "An id": an optional article and one word.
    [GeneratedRegex(@"^((The|A|An)\s+)?[A-Za-z]+\.?$")]
    private static partial Regex OneWord();

    // A method, constructor or positional record: its return type (or keyword) and name before the "(".
    [GeneratedRegex(@"(?<type>[\w<>\[\]?,.]+)\s+(?<name>\w+)\s*(<[^()]*>)?\s*\(")]
    private static partial Regex Member();

    [GeneratedRegex(@"^\s*(public|internal|protected|private)[\w\s]*?\s(?<type>[\w<>\[\]?,.]+)\s+(?<name>\w+)\s*(\{|=>|;|=)")]
    private static partial Regex Property();

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    // <see cref="RunView"/> and <paramref name="id"/> are read as the name they point at.
    [GeneratedRegex(@"<[^>]*?\b(?:cref|name|langword)=""([^""]*)""[^>]*>")]
    private static partial Regex CrefOrName();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"'s\b")]
    private static partial Regex Possessive();

    // "HTTPServer" → HTTP, Server; "runId" → run, Id; "DbContext" → Db, Context.
    [GeneratedRegex(@"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex CamelWords();
}
