using System.Text.RegularExpressions;

namespace Designer.Retrieval.Indexes;

/// <summary>Validates collection names, which become folder names, SQL identifiers and URL segments.</summary>
public static partial class CollectionName
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the name is 1–48 lower-case letters, digits or underscores, not starting with an underscore.</summary>
    /// <param name="collection">The name to check.</param>
    /// <returns>The same name.</returns>
    public static string Validate(string collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!Pattern().IsMatch(collection))
        {
            throw new ArgumentException($"Collection name '{collection}' is invalid: use 1-48 lower-case letters, digits or underscores, starting with a letter or digit.", nameof(collection));
        }

        return collection;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
