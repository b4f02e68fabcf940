namespace Designer.Workflows.Catalogue.Configs;

/// <summary>One switch case of a condition node; the first case whose expression is true wins.</summary>
public sealed class ConditionCase
{
    /// <summary>Output port id this case routes to.</summary>
    public string Port { get; set; } = string.Empty;

    /// <summary>JavaScript boolean expression.</summary>
    public string Expression { get; set; } = string.Empty;
}
