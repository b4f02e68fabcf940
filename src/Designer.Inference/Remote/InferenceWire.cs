using System.Text.Json;
using System.Text.Json.Serialization;
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

/// <summary>The body of <c>POST /v1/models/{id}/predict</c>: feature rows, or texts for embedding models.</summary>
/// <param name="Version">Pinned version, or null for the latest approved.</param>
/// <param name="Rows">Feature rows.</param>
/// <param name="Texts">Texts (embedding models only).</param>
public sealed record PredictRequest(int? Version, IReadOnlyList<float[]>? Rows, IReadOnlyList<string>? Texts = null);

/// <summary>The answer of <c>POST /v1/models/{id}/predict</c>.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">Version that served the call.</param>
/// <param name="Provider">Execution provider.</param>
/// <param name="LatencyMs">Time in the host from call to result, in milliseconds.</param>
/// <param name="Predictions">One entry per input row: <c>scores</c>, <c>label</c>, <c>confidence</c>.</param>
public sealed record PredictResponse(string Model, int Version, string Provider, double LatencyMs, IReadOnlyList<RowPrediction> Predictions)
{
    /// <summary>The wire form of <paramref name="result"/>.</summary>
    /// <param name="result">The in-process result.</param>
    public static PredictResponse From(PredictionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PredictResponse(result.Model, result.Version, result.Provider, result.Latency.TotalMilliseconds, result.Rows);
    }

    /// <summary>Back to the in-process result type.</summary>
    public PredictionResult ToResult() => new(Model, Version, Provider, TimeSpan.FromMilliseconds(LatencyMs), Predictions);
}

/// <summary>The JSON conventions of the inference host's API, shared by the host and <see cref="RemoteInferenceClient"/>.</summary>
public static class InferenceWireJson
{
    /// <summary>camelCase, enums as strings, nulls omitted, NaN metrics as named literals.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to <paramref name="options"/> (for the host's HTTP JSON options).</summary>
    /// <param name="options">Options to change.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
