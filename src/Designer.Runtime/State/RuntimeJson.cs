using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Designer.Runtime.State;

/// <summary>The serializer options for everything the runtime stores: messages, checkpoints, trace payloads.</summary>
public static class RuntimeJson
{
    /// <summary>Web defaults, reflection metadata, relaxed escaping off (stored text stays ASCII-safe).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Encoder = JavaScriptEncoder.Default,
            MaxDepth = 64,
        };
        options.MakeReadOnly();
        return options;
    }
}
