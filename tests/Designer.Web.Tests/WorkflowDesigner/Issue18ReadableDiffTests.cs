using System.Text.Json.Nodes;
using Designer.Web.Components.Shared;
using Designer.Web.Components.WorkflowDesigner;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 18 #4: the version diff and run JSON showed escapes and hid changes deep in long text.</summary>
public sealed class Issue18ReadableDiffTests
{
    [Fact]
    public void Write_Issue18_MarkupQuotesAndEmoji_ShownAsThemselves()
    {
        var value = JsonValue.Create("<img src=x> & 'it' \"q\" \\ 😀 café");

        var text = ReadableJson.Write(value);

        Assert.Equal("\"<img src=x> & 'it' \\\"q\\\" \\\\ 😀 café\"", text);
    }

    [Fact]
    public void Write_Issue18_ControlCharacters_StayEscaped()
    {
        var text = ReadableJson.Write(JsonValue.Create("a\u0001b\nc"));

        Assert.Equal("\"a\\u0001b\\nc\"", text);
    }

    [Fact]
    public void ShowChange_Issue18_LongTextsDifferingLate_ShowTheDifference()
    {
        // Arrange
        var prefix = new string('a', 120);
        var before = JsonValue.Create(prefix + " approve below 500 EUR");
        var after = JsonValue.Create(prefix + " approve below 900 EUR");

        // Act
        var shown = VersionDiffView.ShowChange(before, after);

        // Assert
        var sides = shown.Split(" → ");
        Assert.Contains("500", sides[0], StringComparison.Ordinal);
        Assert.Contains("900", sides[1], StringComparison.Ordinal);
        Assert.StartsWith("…", sides[0], StringComparison.Ordinal);
    }
}
