namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Config of an <c>end</c> node.</summary>
public sealed class EndConfig
{
    /// <summary>Output field → expression over run variables; null outputs all variables.</summary>
    public Dictionary<string, string>? OutputMapping { get; set; }
}
