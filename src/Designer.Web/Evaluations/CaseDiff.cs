using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The per-case diff.</summary>
internal sealed record CaseDiff(
    int Number, IReadOnlyList<string> Tags, string? ExpectedEnd, JsonObject? ExpectedOutput,
    CaseSide? Baseline, CaseSide Candidate, bool Flipped, bool NewlyFailing, IReadOnlyList<ScoreChange> ScoreChanges);
