namespace Designer.Persistence;

/// <summary>The guard whose breach rolled a rollout back.</summary>
/// <param name="Guard">Guard name (as in the request, e.g. <c>maxWrongRate</c>).</param>
/// <param name="Value">The candidate's value when it was breached.</param>
/// <param name="Limit">The limit the value crossed.</param>
public sealed record RolloutBreach(string Guard, double? Value, double Limit);
