using Designer.Inference.Pretrained;
using Designer.Inference.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Inference.Hosting;

/// <summary>At start, registers the configured pretrained embedding models from their carrier assemblies.</summary>
internal sealed partial class PretrainedModelBootstrapService(
    IModelRegistry registry, IOptions<InferenceOptions> options, ILogger<PretrainedModelBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Extracting and hashing ~90 MB takes about a second; start-up waits so the demo corpus finds the model.
        var directory = string.IsNullOrWhiteSpace(options.Value.PretrainedDirectory)
            ? PretrainedModels.DefaultCarrierDirectory
            : options.Value.PretrainedDirectory;
        foreach (var id in options.Value.BootstrapPretrainedModels ? options.Value.PretrainedModels : [])
        {
            var model = PretrainedModels.Find(id)!;
            try
            {
                var descriptor = await PretrainedModelBootstrap.EnsureAsync(registry, model, directory, cancellationToken);
                LogReady(logger, descriptor.Id, descriptor.Version, descriptor.Status);
            }
            catch (Exception ex) when (ex is FileNotFoundException or ModelIntegrityException or KeyNotFoundException or BadImageFormatException)
            {
                // The app still starts: collections on other models keep working, this model reports itself missing.
                LogUnavailable(logger, ex, id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Pretrained model {ModelId} v{Version} registered ({Status})")]
    private static partial void LogReady(ILogger logger, string modelId, int version, ModelStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pretrained model {ModelId} could not be registered")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string modelId);
}
