namespace Designer.Persistence;

/// <summary>A refused lifecycle operation.</summary>
/// <param name="Kind">The category, for mapping to a response.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record LifecycleError(LifecycleErrorKind Kind, string Message);
