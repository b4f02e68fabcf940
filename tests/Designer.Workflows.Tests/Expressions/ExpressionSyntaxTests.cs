using Designer.Workflows.Expressions;

namespace Designer.Workflows.Tests.Expressions;

public sealed class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("input.category === 'fraud'")]
    [InlineData("input.amount > 5000 && nodes.risk.score > 0.7")]
    [InlineData("input.customerTenureMonths ?? 0")]
    [InlineData("['a', 'b'].includes(input.x)")]
    public void TryParse_ValidExpression_ReturnsTrue(string text)
    {
        // Arrange / Act
        var ok = ExpressionSyntax.TryParse(text, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("input.amount >")]
    [InlineData("a b")]
    [InlineData("1; 2")]
    [InlineData("function (")]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_InvalidExpression_ReturnsFalseWithMessage(string text)
    {
        // Arrange / Act
        var ok = ExpressionSyntax.TryParse(text, out var error);

        // Assert
        Assert.False(ok);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_SyntaxError_ReportsLineAndColumn()
    {
        // Arrange / Act
        var parsed = ExpressionSyntax.TryParse("a +\n* b", out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(", "1", ")")]
    [InlineData("[", "1", "]")]
    [InlineData("!", "x", "")]
    [InlineData("{a:", "1", "}")]
    [InlineData("a?", "b", ":c")]
    [InlineData("f(", "1", ")")]
    public void TryParse_PathologicalNesting_DoesNotThrow(string open, string middle, string close)
    {
        // Arrange: as deep as the length limit allows.
        var depth = (ExpressionSyntax.MaxLength - middle.Length) / (open.Length + close.Length);
        var text = string.Concat(Enumerable.Repeat(open, depth)) + middle + string.Concat(Enumerable.Repeat(close, depth));

        // Act
        var exception = Record.Exception(() => ExpressionSyntax.TryParse(text, out _));

        // Assert
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("Hello {{name}}", true)]
    [InlineData("No placeholders", true)]
    [InlineData("{{a}} and {{b}}", true)]
    [InlineData("{{a} }", false)]
    [InlineData("}}", false)]
    public void TryCheck_Template_ReportsBalance(string template, bool expected)
    {
        // Arrange / Act
        var ok = TemplateSyntax.TryCheck(template, out _);

        // Assert
        Assert.Equal(expected, ok);
    }
}
