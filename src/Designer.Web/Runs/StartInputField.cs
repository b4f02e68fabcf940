namespace Designer.Web.Runs;

/// <summary>One field of the start form, from one property of the Start node's input schema.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">JSON type: number, integer, boolean or string.</param>
/// <param name="Required">Listed in the schema's required.</param>
/// <param name="Options">The enum's values, if any.</param>
public sealed record StartInputField(string Name, string Type, bool Required, IReadOnlyList<string> Options)
{
    /// <summary>The text the user typed or chose.</summary>
    public string? Value { get; set; }

    /// <summary>The schema's title, else the name in words ("customerTenureMonths" → "Customer tenure months").</summary>
    public string Label { get; init; } = Name;
}
