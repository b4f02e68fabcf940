namespace Designer.Persistence;

/// <summary>Rollout modes.</summary>
public static class RolloutModes
{
    /// <summary>A share of new runs runs the candidate for real.</summary>
    public const string Canary = "canary";

    /// <summary>A share of live inputs is mirrored to the candidate without side effects.</summary>
    public const string Shadow = "shadow";
}
