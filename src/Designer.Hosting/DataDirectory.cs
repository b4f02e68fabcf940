namespace Designer.Hosting;

/// <summary>
/// The one place that says where runtime data lives: <c>Designer:DataDirectory</c> (default <c>data</c>; a blank
/// value counts as unset), relative to the host's content root. The SQLite database, the model registry, chat models
/// and the embedded vector indexes are folders or files under it, so one setting moves all of them together.
/// </summary>
public static class DataDirectory
{
    /// <summary>The configuration key every host reads.</summary>
    public const string ConfigurationKey = "Designer:DataDirectory";

    /// <summary>The folder used when the key is unset or blank.</summary>
    public const string Default = "data";

    /// <summary>The absolute data directory for a configured value (null or blank: <see cref="Default"/>).</summary>
    /// <param name="configured">The value of <see cref="ConfigurationKey"/>, or a module's own override.</param>
    /// <param name="contentRoot">The host's content root; relative values resolve against it.</param>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve(string? configured, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Default : configured, contentRoot);

    /// <summary>A folder under the data directory; a rooted <paramref name="child"/> stands on its own.</summary>
    /// <param name="configured">The value of <see cref="ConfigurationKey"/>.</param>
    /// <param name="contentRoot">The host's content root.</param>
    /// <param name="child">The module's folder (e.g. <c>indexes</c>), relative to the data directory or absolute.</param>
    /// <returns>An absolute path (not created).</returns>
    public static string Resolve(string? configured, string contentRoot, string child) =>
        Path.GetFullPath(child, Resolve(configured, contentRoot));
}
