namespace Designer.Inference.Registry;

/// <summary>One immutable version of a registered model plus its (mutable) approval status.</summary>
public sealed record ModelDescriptor
{
    /// <summary>Model id, a lowercase slug such as <c>dispute-risk</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Version number, 1 upwards.</summary>
    public required int Version { get; init; }

    /// <summary>Approval status.</summary>
    public required ModelStatus Status { get; init; }

    /// <summary>What the output means.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>Absolute path of the ONNX file (recomputed on load; never trusted from the JSON).</summary>
    public required string OnnxPath { get; init; }

    /// <summary>Lowercase hex SHA-256 of the ONNX file, checked whenever the file is opened.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The tensors a caller must feed, as read from the ONNX graph.</summary>
    public required IReadOnlyList<TensorInfo> Inputs { get; init; }

    /// <summary>Model outputs; the first is the one served.</summary>
    public required IReadOnlyList<TensorInfo> Outputs { get; init; }

    /// <summary>Class labels in output column order (classifiers), else empty.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Training metrics (e.g. <c>auc</c>, <c>accuracy</c>, <c>trainingDataSize</c>).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Who trained or registered it; the web layer forbids this user from approving it.</summary>
    public required string TrainedBy { get; init; }

    /// <summary>Registration time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Who last changed the status, if anyone.</summary>
    public string? StatusChangedBy { get; init; }

    /// <summary>When the status last changed, if ever.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>The text front end of a sentence-embedding model that takes raw text (pretrained BERT family), else null.</summary>
    public TextEncoderSpec? TextEncoder { get; init; }

    /// <summary>The licence of the weights, when registered from a third party (e.g. <c>Apache-2.0</c>).</summary>
    public string? License { get; init; }

    /// <summary>Where the weights come from (upstream model name and the package that carried them), when third-party.</summary>
    public string? Upstream { get; init; }
}
