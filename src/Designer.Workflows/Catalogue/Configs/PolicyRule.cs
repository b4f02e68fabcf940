namespace Designer.Workflows.Catalogue.Configs;

/// <summary>One ordered rule of a policy node; the first rule whose expression is true decides the verdict.</summary>
public sealed class PolicyRule
{
    /// <summary>The verdicts a rule may return; each is also an output port.</summary>
    public static readonly IReadOnlyList<string> Verdicts = ["pass", "review", "block"];

    /// <summary>Rule id, unique within the policy.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>JavaScript boolean expression over run variables.</summary>
    public string Expression { get; set; } = string.Empty;

    /// <summary>One of <see cref="Verdicts"/>.</summary>
    public string Verdict { get; set; } = string.Empty;
}
