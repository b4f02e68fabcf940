using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Inference.Registry;

/// <summary>JSON settings of <c>descriptor.json</c>: camelCase, enums as strings, indented for humans.</summary>
internal static class ModelDescriptorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Metrics can be NaN (e.g. AUC of a single-class split); JSON has no NaN, so write it as a named literal.
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
