using System.Text.RegularExpressions;

namespace Designer.Workflows.Tests.Conventions;

/// <summary>
/// Issue 17: type name = file name. Each top-level class, record, struct, interface or enum in <c>src/</c>,
/// <c>tests/</c> and <c>bench/</c> sits in a file of its own named after it, so a type is found by its name and a
/// file's history is one type's. Top-level means column 0, which file-scoped namespaces (IDE0161) make exact; nested
/// types and extension blocks are indented and belong to their type. A <c>file</c>-scoped type may sit next to the
/// type that uses it; a partial part <c>Type.Part.cs</c> counts as <c>Type</c>; a generic <c>Foo&lt;T&gt;</c> lives in
/// <c>Foo.cs</c>, or in <c>FooOfT.cs</c> where a non-generic <c>Foo</c> takes <c>Foo.cs</c>. Razor code-behind
/// (<c>*.razor.cs</c>) and GlobalUsings.cs are left out: their names follow the component and the SDK's convention.
/// </summary>
public sealed partial class TypeFileNameTests
{
    [Fact]
    public void SourceFiles_EachTopLevelType_LivesInItsOwnFileNamedAfterIt_Issue17()
    {
        // Arrange
        var root = SourceTree.FindRepositoryRoot();
        SourceTree.Require(root is not null, "The repository's sources are not above the test assembly, so there is nothing to scan.");

        // Act
        var misplaced = new[] { "src", "tests", "bench" }
            .Where(folder => Directory.Exists(Path.Combine(root!, folder)))
            .SelectMany(folder => SourceTree.Files(root!, folder))
            .Select(relative => Misplaced(relative, File.ReadAllLines(Path.Combine(root!, relative))))
            .OfType<string>()
            .ToList();

        // Assert
        Assert.True(misplaced.Count == 0,
            $"{misplaced.Count} file(s) declare several top-level types or one not named as the file; move each type "
            + "(with its doc comment and attributes) to <Type>.cs in the same folder:" + Environment.NewLine
            + string.Join(Environment.NewLine, misplaced));
    }

    [Theory]
    [InlineData("src/A/Palette.cs", "namespace A;\npublic sealed class Palette\n{\n    public sealed class Nested;\n}", null)]
    [InlineData("src/A/Palette.Drag.cs", "namespace A;\npublic sealed partial class Palette\n{\n}", null)]
    [InlineData("src/A/Palette.cs", "namespace A;\npublic sealed class Palette;\nfile sealed class PaletteCache;", null)]
    [InlineData("src/A/Page.cs", "namespace A;\n[Obsolete]\npublic sealed record Page<T>(T Item);", null)]
    [InlineData("src/A/PageOfT.cs", "namespace A;\npublic sealed record Page<T>(T Item);", null)]
    [InlineData("src/A/Texts.cs", "namespace A;\npublic static class Texts\n{\n    extension(string text)\n    {\n    }\n}", null)]
    [InlineData("src/A/Page.razor.cs", "namespace A;\npublic sealed partial class Page;\npublic enum Mode;", null)]
    [InlineData("src/A/Modes.cs", "namespace A;\ninternal enum Mode\n{\n}", "src/A/Modes.cs: Mode")]
    [InlineData("src/A/Runs.cs", "namespace A;\npublic sealed class Runs;\ninternal readonly record struct RunKey(int Id);",
        "src/A/Runs.cs: Runs, RunKey")]
    [InlineData("src/A/Pages.cs", "namespace A;\npublic sealed record Page<T>(T Item);", "src/A/Pages.cs: Page<T>")]
    public void Misplaced_PartialPartsFileTypesAndGenerics_FlagsOnlyStrangers_Issue17(string file, string source, string? expected)
    {
        // Arrange
        var lines = source.Split('\n');

        // Act
        var misplaced = Misplaced(file, lines);

        // Assert
        Assert.Equal(expected, misplaced);
    }

    /// <summary>"file: Type, Other" when the file breaks the rule, otherwise null.</summary>
    private static string? Misplaced(string file, IReadOnlyList<string> lines)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".razor.cs", StringComparison.Ordinal) || name == "GlobalUsings.cs")
        {
            return null;
        }

        var types = lines.Select(line => TopLevelType().Match(line))
            .Where(match => match.Success && !match.Groups["modifiers"].Value.Contains("file ", StringComparison.Ordinal))
            .ToList();
        var stem = name.Split('.')[0];
        if (types.Count == 0
            || (types.Count == 1 && (types[0].Groups["name"].Value == stem
                || (types[0].Groups["generic"].Success && types[0].Groups["name"].Value + "OfT" == stem))))
        {
            return null;
        }

        return $"{file}: " + string.Join(", ", types.Select(type => type.Groups["name"].Value + type.Groups["generic"].Value));
    }

    [GeneratedRegex(@"^(?<modifiers>((public|internal|protected|private|sealed|abstract|static|partial|readonly|file|ref|unsafe|new)\s+)*)(record\s+struct|record\s+class|class|record|struct|interface|enum)\s+(?<name>\w+)(?<generic><[^>]*>)?")]
    private static partial Regex TopLevelType();
}
