namespace Designer.Hosting;

/// <summary>
/// Why an operation was refused. Every module reports refusals with these kinds; the web API maps each kind to one
/// HTTP status in one place (<c>ApiResults</c>), so a kind must mean the same thing wherever it is used.
/// </summary>
public enum OperationErrorKind
{
    /// <summary>The input is invalid: every problem is listed (HTTP 400).</summary>
    Invalid,

    /// <summary>The thing the operation names does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>A concurrent change or a stale version of the thing (HTTP 409).</summary>
    Conflict,

    /// <summary>The thing is in the wrong state for the operation, e.g. already ended or no longer published (HTTP 409).</summary>
    InvalidState,

    /// <summary>The caller may not do this, e.g. approve their own version (HTTP 403).</summary>
    Forbidden,

    /// <summary>The operation needs a precondition the caller did not send, e.g. an If-Match ETag (HTTP 428).</summary>
    PreconditionRequired,

    /// <summary>The request is well formed but cannot be processed as it stands, e.g. a workflow that cannot run here (HTTP 422).</summary>
    Unprocessable,

    /// <summary>The request body is larger than the limit (HTTP 413).</summary>
    TooLarge,

    /// <summary>The request body has a media type the operation does not read (HTTP 415).</summary>
    UnsupportedMediaType,

    /// <summary>The value existed but is gone for good, e.g. purged by retention (HTTP 410).</summary>
    Gone,

    /// <summary>A backend the operation needs is unavailable; <c>Retry-After</c> may go in the extensions (HTTP 503).</summary>
    Unavailable,
}
