using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Reads a node's config object into its typed config class.</summary>
public static class NodeConfigReader
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Deserialises <paramref name="config"/> into <typeparamref name="T"/>; never throws.</summary>
    /// <param name="config">The node's config object (null reads as empty).</param>
    /// <param name="result">The typed config, or null when the config has wrong value types.</param>
    /// <param name="error">Why reading failed, with the offending field, or null.</param>
    /// <param name="field">The config field that failed to read, when known.</param>
    /// <returns>True when reading succeeded.</returns>
    public static bool TryRead<T>(JsonObject? config, out T? result, out string? error, out string? field)
        where T : class, new()
    {
        try
        {
            result = config is null ? new T() : config.Deserialize<T>(Options) ?? new T();
            error = null;
            field = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException
                                       or FormatException or OverflowException)
        {
            result = null;
            error = ex.Message;
            field = (ex as JsonException)?.Path is { Length: > 2 } path ? path[2..] : null;
            return false;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { MaxDepth = 64 };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
