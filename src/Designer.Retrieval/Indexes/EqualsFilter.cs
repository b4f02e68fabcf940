using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>Equality on one payload key.</summary>
/// <param name="Key">The payload key.</param>
/// <param name="Value">A string, integer or boolean value.</param>
public sealed record EqualsFilter(string Key, JsonValue Value) : PayloadFilter;
