using System.Globalization;
using System.Text.Json;
using Designer.Runtime.Hosting;
using Designer.Web.Api;
using Designer.Web.Workflows;
using Microsoft.Extensions.Options;

namespace Designer.Web.Runs;

/// <summary>
/// <c>GET /api/runs/{id}/trace/stream</c>: server-sent events, one <c>trace</c> event per trace row (id = sequence,
/// so <c>Last-Event-ID</c> resumes), then <c>end</c> once the run has ended and every row was sent. It polls the
/// trace table every <see cref="RuntimeOptions.TraceStreamPollInterval"/> (single silo: simple, and it sees rows
/// written by any process that shares the database).
/// </summary>
internal static class TraceStreamEndpoint
{
    private const int BatchSize = 500;

    public static async Task StreamAsync(
        HttpContext context, IRunStore store, IOptions<RuntimeOptions> options, TimeProvider time, Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken) is null)
        {
            await ApiResults.Problem(ServiceError.NotFound($"Run {id} does not exist.")).ExecuteAsync(context);
            return;
        }

        var after = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Read the status before the rows: rows written before the run ended are then all seen.
                var ended = (await store.GetRunAsync(id, cancellationToken))?.IsTerminal ?? true;
                var events = await store.ListTraceAsync(id, after, BatchSize, cancellationToken);
                foreach (var e in events)
                {
                    var data = JsonSerializer.Serialize(TraceEventResponse.From(e), json);
                    await response.WriteAsync($"id: {e.Sequence}\nevent: trace\ndata: {data}\n\n", cancellationToken);
                    after = e.Sequence;
                }

                await response.Body.FlushAsync(cancellationToken);
                if (events.Count == BatchSize)
                {
                    continue;
                }

                if (ended)
                {
                    await response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    return;
                }

                await Task.Delay(options.Value.TraceStreamPollInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
