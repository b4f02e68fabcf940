using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>Membership of one payload key's value in a list.</summary>
/// <param name="Key">The payload key.</param>
/// <param name="Values">The accepted values.</param>
public sealed record InFilter(string Key, IReadOnlyList<JsonValue> Values) : PayloadFilter;
