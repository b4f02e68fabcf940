namespace Designer.Web.Models;

/// <summary>
/// The optional body of <c>POST /api/models/{id}/train</c>: reviewers' decisions the new version learns from, bound
/// by <c>ApiJson.ReadAsync</c>; the handler then checks the count and that every decision is complete.
/// </summary>
/// <param name="Decisions">The labelled disputes, at most <see cref="ModelService.MaxDecisions"/>; none trains on the seed data only.</param>
internal sealed record TrainModelRequest(IReadOnlyList<TrainingDecisionRequest?>? Decisions = null);
