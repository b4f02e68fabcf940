namespace Designer.Persistence;

/// <summary>One page of a larger, ordered result.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="PageNumber">The 1-based page number that was requested.</param>
/// <param name="PageSize">The requested page size.</param>
/// <param name="Total">The total number of items across all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
