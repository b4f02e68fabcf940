namespace Designer.Web.Rollouts;

/// <summary>
/// The body of a rollout start, bound by <see cref="Api.ApiBody.ReadAsync{T}"/>; <see cref="RolloutRequest"/> checks
/// the values and lists every problem, a wrongly typed property included.
/// </summary>
/// <param name="Mode"><c>canary</c> (a share of new runs) or <c>shadow</c> (mirrored, never answering); required.</param>
/// <param name="Percent">Percent of new runs for the candidate, 1 to 99; required.</param>
/// <param name="Window">How long the rollout runs, an ISO-8601 duration such as <c>PT1H</c>, at most 90 days; required.</param>
/// <param name="MinRuns">Runs each side needs before the guards judge (1 when left out).</param>
/// <param name="Guards">The limits that abort the rollout when crossed; none when left out.</param>
public sealed record StartRolloutRequest(string? Mode, int? Percent, string? Window, int? MinRuns, RolloutGuardsRequest? Guards);
