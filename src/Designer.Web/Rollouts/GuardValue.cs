namespace Designer.Web.Rollouts;

/// <summary>One guard's live value.</summary>
/// <param name="Name">Guard name (as in the request).</param>
/// <param name="Limit">The limit from the rollout's guards; crossing it rolls the candidate back.</param>
/// <param name="Value">The candidate's value, null while unknown.</param>
/// <param name="Baseline">The same measure on the baseline, for comparison only (it never breaches); null while unknown.</param>
/// <param name="Counts">Enough runs (and labels) for it to count.</param>
/// <param name="Breached">It counts and the value exceeds the limit.</param>
public sealed record GuardValue(string Name, double Limit, double? Value, double? Baseline, bool Counts, bool Breached);
