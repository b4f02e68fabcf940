using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Designer.Web.Batches;

/// <summary>
/// Batch runs (issue 16): <c>POST /api/workflows/{id}/batches</c> (admins and operators; body <c>text/csv</c> or
/// <c>application/x-ndjson</c>, <c>?skipBadRows=true</c>), and for every reader <c>GET …/batches</c>,
/// <c>GET /api/batches/{id}</c> (progress) and <c>GET /api/batches/{id}/results.csv</c>.
/// </summary>
internal static class BatchEndpoints
{
    public static RouteGroupBuilder MapBatchEndpoints(this RouteGroupBuilder api)
    {
        var perWorkflow = api.MapGroup("/workflows/{id:guid}/batches").WithTags("Batches").DisableAntiforgery();
        // The upload is described, not matched: Accepts would let routing refuse another media type with a bare 415
        // ahead of authorisation and of the handler's ProblemDetails.
        perWorkflow.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.ManageTriggers).AddOpenApiOperationTransformer(DescribeUploadAsync);
        perWorkflow.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        var batches = api.MapGroup("/batches").WithTags("Batches").RequireAuthorization(DesignerPolicies.Read);
        batches.MapGet("/{batchId:guid}", GetAsync);
        batches.MapGet("/{batchId:guid}/results.csv", ResultsAsync).Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    /// <summary>Whether <paramref name="contentType"/> is one a batch may be uploaded as (the API guard asks too).</summary>
    public static BatchFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return type.Equals("text/csv", StringComparison.OrdinalIgnoreCase) ? BatchFormat.Csv
            : type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase) ? BatchFormat.Ndjson
            : null;
    }

    private static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> CreateAsync(
        BatchService service, HttpRequest request, ClaimsPrincipal user, Guid id, bool? skipBadRows, CancellationToken cancellationToken)
    {
        var limit = service.Options.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (FormatOf(request.ContentType) is not { } format)
        {
            return TypedResults.Problem($"Send the file as text/csv or application/x-ndjson, not '{request.ContentType ?? "none"}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var text = await ReadAsync(request, limit, cancellationToken);
        if (text is null)
        {
            return TooLarge(limit);
        }

        return ApiResults.Match(await service.CreateAsync(user, id, text, format, skipBadRows ?? false, cancellationToken),
            b => TypedResults.Accepted($"/api/batches/{b.Id}", b));
    }

    private static async Task<Ok<ItemsResponse<BatchResponse>>> ListAsync(BatchService service, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<BatchResponse>(await service.ListAsync(id, cancellationToken)));

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> GetAsync(BatchService service, Guid batchId, CancellationToken cancellationToken) =>
        await service.GetAsync(batchId, cancellationToken) is { } batch
            ? TypedResults.Ok(batch)
            : ApiResults.Problem(OperationError.NotFound($"Batch {batchId} does not exist."));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultsAsync(BatchService service, Guid batchId, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(batchId, cancellationToken) is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Batch {batchId} does not exist."));
        }

        var csv = BatchResultsCsv.Write(await service.RowsAsync(batchId, cancellationToken));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"batch-{batchId:N}-results.csv");
    }

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        $"The file is larger than {limit:N0} bytes, the most one batch upload may have; split it.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    private static Task DescribeUploadAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The rows: a CSV file with a header line, or one JSON object a line.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static Task<string?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        RequestBody.ReadTextAsync(request.Body, request.ContentLength, limit, cancellationToken);
}
