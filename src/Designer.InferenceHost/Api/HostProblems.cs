using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Api;

/// <summary>RFC 7807 answers of the host, and the mapping of serving exceptions to HTTP.</summary>
internal static class HostProblems
{
    /// <summary>Seconds a client should wait after a full queue (sent as <c>Retry-After</c>).</summary>
    public const int RetryAfterSeconds = 1;

    public static IResult BadRequest(string detail, IReadOnlyList<string>? errors = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The request body is larger than {maxBytes / (1024 * 1024)} MB.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    /// <summary>Runs a serving call and turns its documented exceptions into problems.</summary>
    public static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> serve)
    {
        try
        {
            return await serve();
        }
        catch (ModelNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
        catch (InferenceQueueFullException ex)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Inference queue full");
        }
        catch (TimeoutException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status504GatewayTimeout, title: "Inference timed out");
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message);
        }
        catch (ModelIntegrityException ex)
        {
            // The stored file is not what was registered: refuse to serve it rather than return wrong vectors.
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Model failed its integrity check");
        }
    }
}
