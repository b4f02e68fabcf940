using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Hosting;

/// <summary>
/// Loads the latest approved version of every registered model at start (after the bootstrap hosted service),
/// so the first request does not pay for the session and <c>/health</c> can report readiness.
/// </summary>
internal sealed partial class ModelWarmupService(IModelRegistry registry, SessionPool pool, ILogger<ModelWarmupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var models = await registry.ListAsync(cancellationToken);
        foreach (var id in models.Select(m => m.Id).Distinct(StringComparer.Ordinal))
        {
            if (await registry.GetAsync(id, null, cancellationToken) is { } latest)
            {
                var loaded = await pool.GetAsync(latest, cancellationToken);
                LogLoaded(logger, latest.Id, latest.Version, loaded.Provider.Provider, loaded.Provider.Reason);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {ModelId} v{Version} on {Provider} ({Reason})")]
    private static partial void LogLoaded(ILogger logger, string modelId, int version, string provider, string reason);
}
