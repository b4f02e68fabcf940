namespace Designer.Web.Batches;

/// <summary>One bad line and everything wrong with it.</summary>
internal sealed record BatchLineProblem(int Line, string Message);
