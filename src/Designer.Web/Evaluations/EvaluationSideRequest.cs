namespace Designer.Web.Evaluations;

/// <summary>One side of an evaluation: a published version of the workflow, or (candidate only) its current draft.</summary>
/// <param name="Version">The version number (1 or more); null with <paramref name="Draft"/>.</param>
/// <param name="Draft">True to evaluate the draft as it is now (the candidate only); absent or false with <paramref name="Version"/>.</param>
internal sealed record EvaluationSideRequest(int? Version = null, bool? Draft = null);
