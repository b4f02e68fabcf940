namespace Designer.Web.Runs;

/// <summary>The dashboard's period.</summary>
/// <param name="From">Inclusive start.</param>
/// <param name="To">Exclusive end.</param>
public sealed record DashboardPeriod(DateTimeOffset From, DateTimeOffset To);
