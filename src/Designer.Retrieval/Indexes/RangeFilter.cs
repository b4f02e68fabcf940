namespace Designer.Retrieval.Indexes;

/// <summary>A numeric range on one payload key; absent bounds are open.</summary>
/// <param name="Key">The payload key.</param>
/// <param name="Gt">Exclusive lower bound.</param>
/// <param name="Gte">Inclusive lower bound.</param>
/// <param name="Lt">Exclusive upper bound.</param>
/// <param name="Lte">Inclusive upper bound.</param>
public sealed record RangeFilter(string Key, double? Gt, double? Gte, double? Lt, double? Lte) : PayloadFilter;
