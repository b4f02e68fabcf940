using System.Collections.Concurrent;
using Designer.Inference.Registry;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.Serving;

/// <summary>
/// Loads each model version once (SHA-256 checked, provider selected and logged) and keeps it with its batcher.
/// One shared session per version: <c>InferenceSession.Run</c> is thread-safe and batching already gives the
/// session large inputs; more sessions would multiply memory for no throughput on a shared CPU.
/// </summary>
public sealed partial class SessionPool : IAsyncDisposable
{
    private readonly IModelRegistry _registry;
    private readonly ExecutionProviderSelector _selector;
    private readonly BatchingOptions _batching;
    private readonly TimeProvider _timeProvider;
    private readonly InferenceMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ModelKey, Lazy<Task<LoadedModel>>> _models = new();

    /// <summary>Creates an empty pool.</summary>
    /// <param name="registry">Where models are read from.</param>
    /// <param name="selector">Execution provider selection.</param>
    /// <param name="batching">Batching limits for every model.</param>
    /// <param name="logger">Logs which provider serves each model.</param>
    public SessionPool(
        IModelRegistry registry,
        ExecutionProviderSelector selector,
        BatchingOptions batching,
        TimeProvider timeProvider,
        ILogger<SessionPool> logger,
        InferenceMetrics? metrics = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _selector = selector ?? throw new ArgumentNullException(nameof(selector));
        _batching = batching ?? throw new ArgumentNullException(nameof(batching));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics;
    }

    /// <summary>The versions loaded so far (for the API's provider report).</summary>
    public IReadOnlyList<LoadedModel> Loaded =>
        _models.Values.Where(m => m.IsValueCreated && m.Value.IsCompletedSuccessfully).Select(m => m.Value.Result).ToList();

    /// <summary>Returns the loaded version, loading it on first use.</summary>
    /// <param name="descriptor">The version to serve.</param>
    /// <param name="cancellationToken">Cancels the wait, not a load other callers share.</param>
    public async Task<LoadedModel> GetAsync(ModelDescriptor descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var key = new ModelKey(descriptor.Id, descriptor.Version);
        var entry = _models.GetOrAdd(key, k => new Lazy<Task<LoadedModel>>(() => LoadAsync(k, descriptor)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // Do not cache failures (e.g. a file being restored): the next call tries again.
            _models.TryRemove(new KeyValuePair<ModelKey, Lazy<Task<LoadedModel>>>(key, entry));
            throw;
        }
    }

    /// <summary>Unloads a version (e.g. after it is retired); in-flight requests fail.</summary>
    public async Task EvictAsync(ModelKey key)
    {
        if (_models.TryRemove(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            await DisposeModelAsync(entry.Value.Result);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var key in _models.Keys.ToList())
        {
            await EvictAsync(key);
        }
    }

    private async Task<LoadedModel> LoadAsync(ModelKey key, ModelDescriptor descriptor)
    {
        var bytes = await _registry.ReadModelAsync(descriptor, CancellationToken.None);
        IModelRunner runner = descriptor.TextEncoder is { } spec
            ? new BertEmbeddingRunner(bytes, spec, _selector)
            : new OnnxModelRunner(bytes, _selector);
        LogProvider(_logger, key.Id, key.Version, runner.Provider.Provider, runner.Provider.Reason);
        var batcher = new DynamicBatcher(key, runner, _batching, _timeProvider, _metrics);
        return new LoadedModel(descriptor, runner, batcher);
    }

    private static async Task DisposeModelAsync(LoadedModel model)
    {
        await model.Batcher.DisposeAsync();
        model.Runner.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} v{Version} served by {Provider}: {Reason}")]
    private static partial void LogProvider(ILogger logger, string modelId, int version, string provider, string reason);
}
