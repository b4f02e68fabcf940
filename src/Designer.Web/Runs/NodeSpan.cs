namespace Designer.Web.Runs;

/// <summary>One execution of a node.</summary>
/// <param name="Attempt">Attempt number.</param>
/// <param name="Start">When the attempt started.</param>
/// <param name="End">End, or null while running or waiting.</param>
/// <param name="Status">How it ended (or is).</param>
public sealed record NodeSpan(int Attempt, DateTimeOffset Start, DateTimeOffset? End, NodeRunStatus Status);
