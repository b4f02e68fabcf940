using Designer.Inference.Corpus;
using Designer.Inference.Registry;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.Training;

/// <summary>
/// Owns the <c>dispute-risk</c> model's lifecycle: the approved bootstrap v1 trained from the corpus, and retrained
/// versions from human decisions, which always enter the registry as <see cref="ModelStatus.PendingApproval"/>.
/// </summary>
public sealed partial class RiskModelService
{
    /// <summary>The registry id of the dispute risk model.</summary>
    public const string ModelId = "dispute-risk";

    /// <summary>The <see cref="ModelDescriptor.TrainedBy"/> of the bootstrap version.</summary>
    public const string BootstrapTrainer = "system:bootstrap";

    private readonly IModelRegistry _registry;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public RiskModelService(IModelRegistry registry, ILogger<RiskModelService> logger)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Trains and registers v1 (Approved) from the default corpus unless any version exists.</summary>
    /// <returns>The new v1, or null when the model was already registered.</returns>
    public async Task<ModelDescriptor?> EnsureBootstrapAsync(CancellationToken cancellationToken)
    {
        var existing = await _registry.ListAsync(cancellationToken);
        if (existing.Any(d => d.Id == ModelId))
        {
            return null;
        }

        var model = RiskModelTrainer.TrainOnCorpus();
        var descriptor = await _registry.RegisterAsync(
            Registration(model, BootstrapTrainer, $"Bootstrap: logistic regression on the generated corpus ({DisputeCorpus.DefaultCount} disputes).", humanDecisions: 0) with
            {
                IsBootstrap = true,
            },
            cancellationToken);
        LogRegistered(_logger, ModelId, descriptor.Version, descriptor.Status, model.Metrics.Auc, model.Metrics.Accuracy);
        return descriptor;
    }

    /// <summary>
    /// Retrains on the corpus plus <paramref name="humanDecisions"/> and registers the next version as
    /// PendingApproval; it must be approved (by someone other than <paramref name="trainedBy"/>) before use.
    /// </summary>
    /// <param name="humanDecisions">Labelled reviewer decisions.</param>
    /// <param name="trainedBy">Who triggered the retraining.</param>
    /// <returns>The new version and its held-out metrics (for the audit log).</returns>
    public Task<(ModelDescriptor Descriptor, RiskModelMetrics Metrics)> RetrainAsync(
        IReadOnlyList<LabelledExample> humanDecisions, string trainedBy, CancellationToken cancellationToken) =>
        RetrainAsync(humanDecisions, trainedBy, new RiskTrainingOptions(), cancellationToken);

    /// <summary>
    /// Retrains like <see cref="RetrainAsync(IReadOnlyList{LabelledExample}, string, CancellationToken)"/> with
    /// explicit hyper-parameters, e.g. another <see cref="RiskTrainingOptions.Seed"/> to resample the
    /// train/calibration/test split when no new decisions arrived.
    /// </summary>
    /// <param name="humanDecisions">Labelled reviewer decisions.</param>
    /// <param name="trainedBy">Who triggered the retraining.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <returns>The new version and its held-out metrics (for the audit log).</returns>
    public Task<(ModelDescriptor Descriptor, RiskModelMetrics Metrics)> RetrainAsync(
        IReadOnlyList<LabelledExample> humanDecisions, string trainedBy, RiskTrainingOptions options, CancellationToken cancellationToken) =>
        RetrainCoreAsync(humanDecisions, trainedBy, options, (registration, _, token) => _registry.RegisterAsync(registration, token), cancellationToken);

    /// <summary>
    /// Retrains like <see cref="RetrainAsync(IReadOnlyList{LabelledExample}, string, RiskTrainingOptions, CancellationToken)"/>
    /// and registers the version together with the audit entry <paramref name="audit"/> builds, in one transaction
    /// (issue 14); needs an <see cref="IAuditedModelRegistry"/>.
    /// </summary>
    /// <param name="humanDecisions">Labelled reviewer decisions.</param>
    /// <param name="trainedBy">Who triggered the retraining.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="audit">Builds the <c>model.trained</c> entry from the new version and its metrics.</param>
    /// <returns>The new version and its held-out metrics.</returns>
    /// <exception cref="InvalidOperationException">The registry cannot record an audit entry with its change.</exception>
    public Task<(ModelDescriptor Descriptor, RiskModelMetrics Metrics)> RetrainAsync(
        IReadOnlyList<LabelledExample> humanDecisions,
        string trainedBy,
        RiskTrainingOptions options,
        Func<ModelDescriptor, RiskModelMetrics, ModelAuditEntry> audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var audited = _registry as IAuditedModelRegistry
            ?? throw new InvalidOperationException("The registered model registry does not record audit entries with its changes.");
        return RetrainCoreAsync(humanDecisions, trainedBy, options,
            (registration, metrics, token) => audited.RegisterAsync(registration, d => audit(d, metrics), token), cancellationToken);
    }

    private async Task<(ModelDescriptor Descriptor, RiskModelMetrics Metrics)> RetrainCoreAsync(
        IReadOnlyList<LabelledExample> humanDecisions,
        string trainedBy,
        RiskTrainingOptions options,
        Func<ModelRegistration, RiskModelMetrics, CancellationToken, Task<ModelDescriptor>> register,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(humanDecisions);
        ArgumentException.ThrowIfNullOrWhiteSpace(trainedBy);
        ArgumentNullException.ThrowIfNull(options);
        var examples = DisputeCorpus.Default.Select(LabelledExample.FromRecord).Concat(humanDecisions).ToArray();
        var model = RiskModelTrainer.Train(examples, options);
        var description = $"Retrained on {DisputeCorpus.DefaultCount} corpus disputes and {humanDecisions.Count} human decisions (split seed {options.Seed}).";
        var descriptor = await register(Registration(model, trainedBy, description, humanDecisions.Count), model.Metrics, cancellationToken);
        LogRegistered(_logger, ModelId, descriptor.Version, descriptor.Status, model.Metrics.Auc, model.Metrics.Accuracy);
        return (descriptor, model.Metrics);
    }

    private static ModelRegistration Registration(TrainedRiskModel model, string trainedBy, string description, int humanDecisions)
    {
        var metrics = new Dictionary<string, double>(model.Metrics.ToDictionary()) { ["humanDecisions"] = humanDecisions };
        return new ModelRegistration
        {
            Id = ModelId,
            OnnxModel = model.ToOnnx(),
            Kind = ModelKind.Classifier,
            TrainedBy = trainedBy,
            Labels = TrainedRiskModel.Labels,
            Metrics = metrics,
            Description = description,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {ModelId} v{Version} as {Status} (held-out AUC {Auc:F3}, accuracy {Accuracy:F3})")]
    private static partial void LogRegistered(ILogger logger, string modelId, int version, ModelStatus status, double auc, double accuracy);
}
