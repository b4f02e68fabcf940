namespace Designer.Web.Runs;

/// <summary>One page of runs or tasks, answered as <c>{"items", "page", "pageSize", "total"}</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, newest first for runs and oldest first for tasks.</param>
/// <param name="Page">The 1-based page number that was asked for.</param>
/// <param name="PageSize">The page size that was asked for (1 to 200).</param>
/// <param name="Total">How many items match the filters across all pages.</param>
internal sealed record RunsPageResponse<T>(IEnumerable<T> Items, int Page, int PageSize, long Total);
