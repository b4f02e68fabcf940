namespace Designer.Web.Rollouts;

/// <summary>
/// The body of a rollout start, as the OpenAPI document describes it. <see cref="RolloutRequest"/> reads the body by
/// hand so that every problem (a wrong type included) is listed with its own code; this record only names the shape.
/// </summary>
/// <param name="Mode"><c>canary</c> (a share of new runs) or <c>shadow</c> (mirrored, never answering).</param>
/// <param name="Percent">Percent of new runs for the candidate, 1 to 99.</param>
/// <param name="Window">How long the rollout runs, an ISO-8601 duration such as <c>PT1H</c>, at most 90 days.</param>
/// <param name="MinRuns">Runs each side needs before the guards judge (1 when left out).</param>
/// <param name="Guards">The limits that abort the rollout when crossed.</param>
public sealed record StartRolloutRequest(string Mode, int Percent, string Window, int? MinRuns, RolloutGuards? Guards);
