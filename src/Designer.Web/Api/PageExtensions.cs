namespace Designer.Web.Api;

internal static class PageExtensions
{
    public static Page<TOut> Map<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.Total);
}
