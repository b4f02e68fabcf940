namespace Designer.Workflows.Definitions;

/// <summary>A canvas position in pixels.</summary>
/// <param name="X">Horizontal offset.</param>
/// <param name="Y">Vertical offset.</param>
public sealed record NodePosition(double X, double Y);
