
namespace Designer.Web.Workflows;

/// <summary>HTTP entity tags around the stores' opaque concurrency values.</summary>
internal static class ETags
{
    public static string Format(string value) => $"\"{value}\"";

    /// <summary>Accepts <c>"v"</c>, <c>W/"v"</c> or a bare value.</summary>
    public static string Parse(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }
}
