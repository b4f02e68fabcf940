namespace Designer.Workflows.Catalogue.Configs;

/// <summary>
/// Config of a <c>condition</c> node: exactly one of <see cref="Expression"/> (ports <c>true</c> and
/// <c>else</c>) or <see cref="Cases"/> (one port per case plus <c>else</c>).
/// </summary>
public sealed class ConditionConfig
{
    /// <summary>Port taken when the boolean <see cref="Expression"/> is true.</summary>
    public const string TruePort = "true";

    /// <summary>Port taken when nothing matched.</summary>
    public const string ElsePort = "else";

    /// <summary>Boolean expression.</summary>
    public string? Expression { get; set; }

    /// <summary>Switch cases.</summary>
    public List<ConditionCase>? Cases { get; set; }
}
