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

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || !ChangesState(request.Method))
        {
            await next(context);
            return;
        }

        if (HasBody(request) && !IsJson(request.ContentType))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON (Content-Type application/json{(request.Path.Value?.EndsWith("/documents", StringComparison.Ordinal) == true ? " or application/x-ndjson" : string.Empty)}), not '{request.ContentType ?? "none"}'.");
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

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
    }

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
