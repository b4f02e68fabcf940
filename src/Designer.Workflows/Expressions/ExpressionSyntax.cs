using Acornima;

namespace Designer.Workflows.Expressions;

/// <summary>Checks the syntax of sandbox expressions (JavaScript, as Jint parses them) without running them.</summary>
public static class ExpressionSyntax
{
    /// <summary>Longest expression accepted; longer text is rejected before parsing.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Parses <paramref name="text"/> as a single JavaScript expression.</summary>
    /// <param name="error">The parser's message with line and column, or null when it parses.</param>
    /// <returns>True when the text is one syntactically valid expression.</returns>
    public static bool TryParse(string? text, out string? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Expression is empty.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"Expression is longer than {MaxLength} characters.";
            return false;
        }

        try
        {
            new Parser().ParseExpression(text);
            error = null;
            return true;
        }
        catch (ParseErrorException ex)
        {
            error = $"{ex.Error?.Description ?? ex.Message} (line {ex.LineNumber}, column {ex.Column})";
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
        {
            // Pathological nesting can exhaust the parser's stack guard; report it as a syntax problem.
            error = ex.Message;
            return false;
        }
    }
}
