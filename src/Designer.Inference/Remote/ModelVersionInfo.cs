using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.Inference.Remote;

/// <summary>One model version as the inference host lists it (<c>GET /v1/models</c>).</summary>
/// <param name="Version">Version number within the model, starting at 1.</param>
/// <param name="Status">Approval status; only Approved versions are served.</param>
/// <param name="Kind">Classifier or embedding.</param>
/// <param name="Labels">Class labels in output order.</param>
/// <param name="Metrics">Training metrics.</param>
/// <param name="TrainedBy">Who trained it.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="Sha256">SHA-256 of the ONNX file.</param>
/// <param name="Description">Free text.</param>
/// <param name="Provider">Execution provider when loaded for serving, else null.</param>
/// <param name="ProviderReason">Why that provider serves it, when loaded.</param>
/// <param name="QueueDepth">Requests waiting, when loaded.</param>
public sealed record ModelVersionInfo(
    string Id,
    int Version,
    ModelStatus Status,
    ModelKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainedBy,
    DateTimeOffset CreatedAt,
    string Sha256,
    string? Description,
    IReadOnlyList<TensorInfo> Inputs,
    IReadOnlyList<TensorInfo> Outputs,
    string? Provider,
    string? ProviderReason,
    int? QueueDepth)
{
    /// <summary>Describes <paramref name="descriptor"/>, with its serving state when <paramref name="served"/> is given.</summary>
    /// <param name="descriptor">The registered version.</param>
    /// <param name="served">Its loaded session, if any.</param>
    public static ModelVersionInfo From(ModelDescriptor descriptor, ServedModel? served)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new ModelVersionInfo(
            descriptor.Id, descriptor.Version, descriptor.Status, descriptor.Kind, descriptor.Labels, descriptor.Metrics,
            descriptor.TrainedBy, descriptor.CreatedAt, descriptor.Sha256, descriptor.Description, descriptor.Inputs,
            descriptor.Outputs, served?.Provider, served?.ProviderReason, served?.QueueDepth);
    }

    /// <summary>The registry descriptor this entry describes; the ONNX path is empty (the file is remote).</summary>
    public ModelDescriptor ToDescriptor() => new()
    {
        Id = Id,
        Version = Version,
        Status = Status,
        Kind = Kind,
        OnnxPath = string.Empty,
        Sha256 = Sha256,
        Inputs = Inputs,
        Outputs = Outputs,
        Labels = Labels,
        Metrics = Metrics,
        TrainedBy = TrainedBy,
        CreatedAt = CreatedAt,
        Description = Description,
    };
}
