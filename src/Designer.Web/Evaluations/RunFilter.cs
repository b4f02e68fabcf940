namespace Designer.Web.Evaluations;

/// <summary>Which past runs to turn into cases, checked: dates in UTC, at most <see cref="Max"/> runs.</summary>
internal sealed record RunFilter(int? Version, DateTimeOffset? From, DateTimeOffset? To, RunStatus? Status, int Max);
