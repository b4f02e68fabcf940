namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Config of a <c>policy</c> node.</summary>
public sealed class PolicyConfig
{
    /// <summary>Ordered rules; the first match wins.</summary>
    public List<PolicyRule> Rules { get; set; } = [];

    /// <summary>Values of <see cref="ListField"/> that always pass.</summary>
    public List<string>? AllowList { get; set; }

    /// <summary>Values of <see cref="ListField"/> that always block.</summary>
    public List<string>? DenyList { get; set; }

    /// <summary>Run variable the allow and deny lists are checked against.</summary>
    public string? ListField { get; set; }

    /// <summary>Redact detected PII before the trace is stored.</summary>
    public bool RedactPii { get; set; }

    /// <summary>Run variables that are always redacted.</summary>
    public List<string>? RedactFields { get; set; }
}
