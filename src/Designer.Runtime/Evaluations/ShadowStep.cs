namespace Designer.Runtime.Evaluations;

/// <summary>One completed node of a shadow run.</summary>
/// <param name="Node">Node id.</param>
/// <param name="Port">Port it left by.</param>
public sealed record ShadowStep(string Node, string Port);
