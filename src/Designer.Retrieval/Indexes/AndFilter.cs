namespace Designer.Retrieval.Indexes;

/// <summary>All conjuncts hold.</summary>
/// <param name="Must">Filters that must all match.</param>
public sealed record AndFilter(IReadOnlyList<PayloadFilter> Must) : PayloadFilter;
