namespace Designer.Web.Models;

/// <summary>A human decision used as a training label: the corpus dispute id and whether the reviewer judged it high-risk.</summary>
internal sealed record TrainingDecision(string DisputeId, bool HighRisk);
