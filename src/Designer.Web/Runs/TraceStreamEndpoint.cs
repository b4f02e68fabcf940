using System.Globalization;
using System.Text.Json;
using Designer.Runtime.Hosting;
using Designer.Runtime.Tracing;
using Designer.Web.Api;
using Microsoft.Extensions.Options;

namespace Designer.Web.Runs;

/// <summary>
/// <c>GET /api/runs/{id}/trace/stream</c>: server-sent events, one <c>trace</c> event per trace row (id = sequence,
/// so <c>Last-Event-ID</c> resumes), then <c>end</c> once the run has ended and every row was sent. Rows come from
/// <see cref="RunFeed"/>: pushed as they are committed for runs hosted here, and polled every
/// <see cref="RuntimeOptions.TraceStreamPollInterval"/> for runs hosted by another process sharing the database.
/// </summary>
internal static class TraceStreamEndpoint
{
    /// <summary>The stream's media type.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>The operation's description in the OpenAPI document, which can only give the schema of one event's data.</summary>
    public const string Description =
        "Server-sent events: one 'trace' event per trace row (id: the row's sequence, so Last-Event-ID resumes; data: the row as "
        + "TraceEventResponse), then one 'end' event with data {} once the run has ended and every row was sent.";

    public static async Task StreamAsync(
        HttpContext context, IRunStore store, ITraceNotifier notifier, IOptions<RuntimeOptions> options, TimeProvider time, Guid id,
        CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken) is null)
        {
            await ApiResults.Problem(OperationError.NotFound($"Run {id} does not exist.")).ExecuteAsync(context);
            return;
        }

        var after = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var response = context.Response;
        response.Headers.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            await foreach (var item in RunFeed.ReadAsync(id, after, store, notifier, options.Value.TraceStreamPollInterval, time, cancellationToken))
            {
                if (item.Row is { } row)
                {
                    var data = JsonSerializer.Serialize(TraceEventResponse.From(row), json);
                    await response.WriteAsync($"id: {row.Sequence}\nevent: trace\ndata: {data}\n\n", cancellationToken);
                }
                else
                {
                    await response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
