using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Inference.Registry;

/// <summary>JSON settings of <c>descriptor.json</c>: camelCase, enums as strings, indented for humans.</summary>
internal static class ModelDescriptorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
