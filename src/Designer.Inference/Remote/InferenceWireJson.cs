using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Inference.Remote;

/// <summary>The JSON conventions of the inference host's API, shared by the host and <see cref="RemoteInferenceClient"/>.</summary>
public static class InferenceWireJson
{
    /// <summary>camelCase, enums as strings, nulls omitted, NaN metrics as named literals.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to <paramref name="options"/> (for the host's HTTP JSON options).</summary>
    /// <param name="options">Options to change.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
