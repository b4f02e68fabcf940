using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Designer.Web.Api;

/// <summary>
/// Two checks on <c>/api</c> requests that change state, before any endpoint reads the body: a body must be JSON
/// (415 otherwise, so a cross-site HTML form can never reach an endpoint), and a caller authenticated by the
/// browser's cookie rather than a bearer token must send the antiforgery token (header <see cref="HeaderName"/>,
/// from <c>GET /api/auth/antiforgery</c>).
/// </summary>
internal sealed class ApiRequestGuardMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    /// <summary>Kestrel's own request-line limit is 8 KB; every host and the test server answer alike.</summary>
    public const int MaxQueryLength = 8192;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        if (request.QueryString.Value?.Length > MaxQueryLength)
        {
            await WriteAsync(context, StatusCodes.Status414RequestUriTooLong, "Query string too long",
                $"The query string is longer than {MaxQueryLength:N0} characters.");
            return;
        }

        // PostgreSQL cannot store NUL in text (SQLite can): refuse it everywhere, the same on both.
        if (ContainsNul(request.Path.Value) || ContainsNul(request.QueryString.Value))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "NUL character", "The path or query contains a NUL character (%00).");
            return;
        }

        if (!ChangesState(request.Method))
        {
            await next(context);
            return;
        }

        // A batch upload (issue 16) may also be CSV; text/csv is no type an HTML form can send cross-site.
        if (HasBody(request) && !IsJson(request.ContentType, IsNdJsonUpload(request)) && !IsBatchCsv(request))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON (Content-Type application/json{(request.Path.Value?.EndsWith("/documents", StringComparison.Ordinal) == true ? " or application/x-ndjson" : request.Path.Value?.EndsWith("/batches", StringComparison.Ordinal) == true ? ", text/csv or application/x-ndjson" : string.Empty)}), not '{request.ContentType ?? "none"}'.");
            return;
        }

        if (HasBody(request) && await BodyContainsNulAsync(request, context.RequestAborted))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "NUL character",
                "The body contains a NUL character (\\u0000), which no text field accepts.");
            return;
        }

        if (IsCookieAuthenticated(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                $"Requests authenticated by the browser cookie must send the {HeaderName} header from GET /api/auth/antiforgery; API clients should use a bearer token.");
            return;
        }

        await next(context);
    }

    private static bool ContainsNul(string? text) =>
        text is not null && (text.Contains('\0', StringComparison.Ordinal) || text.Contains("%00", StringComparison.Ordinal));

    /// <summary>Looks for a raw 0x00 byte or a JSON <c>\u0000</c> escape; leaves the body readable from the start.</summary>
    private static async Task<bool> BodyContainsNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        // One byte past the limit is enough to let the endpoint answer 413 itself.
        var limit = ApiJson.MaxBodyBytes + 1;
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                return true;
            }

            if (bytes[i] != (byte)'\\' || i + 1 >= bytes.Length)
            {
                continue;
            }

            // An escape: \u0000 is the NUL character; any other escape (\\ included) is skipped whole.
            if (bytes[i + 1] == (byte)'u' && i + 5 < bytes.Length
                && bytes[i + 2] == (byte)'0' && bytes[i + 3] == (byte)'0' && bytes[i + 4] == (byte)'0' && bytes[i + 5] == (byte)'0')
            {
                return true;
            }

            i++;
        }

        return false;
    }

    private static bool IsBatchCsv(HttpRequest request) =>
        request.Path.Value?.EndsWith("/batches", StringComparison.Ordinal) == true && Batches.BatchEndpoints.FormatOf(request.ContentType) is not null;

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>
    /// The content types the API reads as JSON, the same that routing accepts where an endpoint declares
    /// <c>.Accepts&lt;T&gt;("application/json")</c> (which matches <c>application/*+json</c> as well), so the guard and
    /// routing never disagree: <c>application/json</c>, any <c>application/*+json</c>, and <c>application/x-ndjson</c>
    /// only where an upload reads it line by line.
    /// </summary>
    private static bool IsJson(string? contentType, bool ndJsonAccepted)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            || (ndJsonAccepted && type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The uploads that read NDJSON: a collection's documents and a batch (whose formats the batch endpoint checks).</summary>
    private static bool IsNdJsonUpload(HttpRequest request) =>
        request.Path.Value?.EndsWith("/documents", StringComparison.Ordinal) == true
        || request.Path.Value?.EndsWith("/batches", StringComparison.Ordinal) == true;

    // Bearer requests carry their credential explicitly, which a cross-site page cannot make a browser do. The
    // scheme selector authenticates by cookie exactly when there is no bearer header (both identities are typed
    // Identity.Application, so the header is what tells them apart). Login and refresh take no cookie credential.
    private static bool IsCookieAuthenticated(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/api/auth/login")
        && !context.Request.Path.StartsWithSegments("/api/auth/refresh");

    private async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
