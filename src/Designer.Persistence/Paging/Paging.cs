namespace Designer.Persistence;

/// <summary>Paging limits shared by every list API.</summary>
public static class Paging
{
    /// <summary>The largest page size any list API accepts.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Throws when <paramref name="page"/> is below 1 or <paramref name="pageSize"/> is outside 1..<see cref="MaxPageSize"/>.</summary>
    /// <param name="page">The 1-based page number.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static void EnsureValid(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }

    /// <summary>The number of rows to skip for a valid page.</summary>
    /// <remarks>Saturates instead of overflowing: a page past the end is empty, never a negative offset.</remarks>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, ((long)page - 1) * pageSize);
}
