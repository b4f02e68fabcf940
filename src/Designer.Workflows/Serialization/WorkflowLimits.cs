namespace Designer.Workflows.Serialization;

/// <summary>
/// Size limits enforced by <see cref="WorkflowJson.Parse"/>. Exceeding one yields a <c>json.limit</c>
/// (or <c>json.invalidId</c>) problem, never an exception.
/// </summary>
public static class WorkflowLimits
{
    /// <summary>Largest accepted document: 5 MB of UTF-8.</summary>
    public const int MaxDocumentBytes = 5 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes per workflow.</summary>
    public const int MaxNodes = 5_000;

    /// <summary>Most edges per workflow.</summary>
    public const int MaxEdges = 10_000;

    /// <summary>Longest string value or property name anywhere in the document.</summary>
    public const int MaxStringLength = 10_000;

    /// <summary>Longest workflow or node name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest node or edge id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The characters node and edge ids may use, as a regular expression.</summary>
    public const string IdPattern = "^[A-Za-z0-9_.:-]+$";

    /// <summary>Whether <paramref name="id"/> is a non-empty id within length and pattern.</summary>
    /// <param name="id">Candidate id.</param>
    /// <returns>True for a valid id.</returns>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(IsIdChar);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-';
}
