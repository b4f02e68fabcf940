namespace Designer.Runtime.Actions;

/// <summary>
/// Admin-approved HTTP connections for action nodes (<c>Designer:Actions</c>). They live in configuration (secrets in
/// user-secrets or the environment), never in workflow definitions: an author picks a connection by name.
/// </summary>
public sealed class ActionOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Actions__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Actions";

    /// <summary>Connection name → settings.</summary>
    public Dictionary<string, ActionConnectionOptions> Connections { get; set; } = new(StringComparer.Ordinal);
}
