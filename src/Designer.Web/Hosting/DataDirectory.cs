namespace Designer.Web.Hosting;

/// <summary>Where the app writes (database, keys, indexes, models, logs): <c>Designer:DataDirectory</c>.</summary>
internal static class DataDirectory
{
    public const string ConfigurationKey = "Designer:DataDirectory";

    /// <summary>Resolves the folder against the content root and creates it.</summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
