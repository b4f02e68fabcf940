using System.Text.Json.Nodes;

namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Config of a <c>start</c> node.</summary>
public sealed class StartConfig
{
    /// <summary>
    /// JSON Schema (subset: type object/string/number/integer/boolean/array, properties, required, enum,
    /// minimum, maximum, minLength, maxLength, items) that run inputs must satisfy; null accepts any object.
    /// </summary>
    public JsonObject? InputSchema { get; set; }
}
