namespace Designer.Workflows.Expressions;

/// <summary>Sanity checks for <c>{{ … }}</c> templates: balanced, non-nested, non-empty placeholders.</summary>
public static class TemplateSyntax
{
    /// <summary>Checks a template.</summary>
    /// <param name="template">Template text.</param>
    /// <param name="error">What is wrong and at which character offset, or null.</param>
    /// <returns>True when every placeholder is well formed.</returns>
    public static bool TryCheck(string template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(template);
        var open = -1;
        for (var i = 0; i < template.Length - 1; i++)
        {
            if (template[i] == '{' && template[i + 1] == '{')
            {
                if (open >= 0)
                {
                    error = $"'{{{{' at offset {i} opens inside the placeholder opened at offset {open}.";
                    return false;
                }

                open = i;
                i++;
            }
            else if (template[i] == '}' && template[i + 1] == '}')
            {
                if (open < 0)
                {
                    error = $"'}}}}' at offset {i} has no matching '{{{{'.";
                    return false;
                }

                if (string.IsNullOrWhiteSpace(template[(open + 2)..i]))
                {
                    error = $"The placeholder at offset {open} is empty.";
                    return false;
                }

                open = -1;
                i++;
            }
        }

        error = open >= 0 ? $"The placeholder opened at offset {open} is never closed." : null;
        return error is null;
    }
}
