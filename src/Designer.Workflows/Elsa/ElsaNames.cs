namespace Designer.Workflows.Elsa;

/// <summary>Naming rules shared by export and import.</summary>
internal static class ElsaNames
{
    public const string TypePrefix = "Designer.";

    public const string FlowchartType = "Elsa.Flowchart";

    public const string TargetPort = "In";

    public static string ActivityType(string kind) =>
        TypePrefix + (string.IsNullOrEmpty(kind) ? kind : char.ToUpperInvariant(kind[0]) + kind[1..]);

    public static string? KindOf(string? activityType) =>
        activityType is { Length: > 9 } && activityType.StartsWith(TypePrefix, StringComparison.Ordinal)
            ? char.ToLowerInvariant(activityType[TypePrefix.Length]) + activityType[(TypePrefix.Length + 1)..]
            : null;

    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "workflow" : slug;
    }
}
