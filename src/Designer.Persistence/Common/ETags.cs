namespace Designer.Persistence;

/// <summary>Formats concurrency tokens as opaque ETag strings.</summary>
internal static class ETags
{
    public static string Format(Guid token) => token.ToString("N");

    public static bool Matches(string? etag, Guid token) =>
        Guid.TryParseExact(etag, "N", out var parsed) && parsed == token;
}
