using System.Text.Json;

namespace Designer.Web.Evaluations;

/// <summary>How shadow results are stored.</summary>
internal static class ShadowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
