namespace Designer.Persistence;

/// <summary>A decision on a human task.</summary>
/// <param name="Decision">One of the task's decisions.</param>
/// <param name="EditsJson">Edited values (JSON object), if any.</param>
/// <param name="Correction">The reviewer's edit of a model's draft (labelled data for evaluations), if any.</param>
public sealed record TaskDecision(string Decision, string? Comment, string? EditsJson, string? Correction = null);
