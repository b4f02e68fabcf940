namespace Designer.Inference.Registry;

/// <summary>A new model version to register.</summary>
public sealed record ModelRegistration
{
    /// <summary>Model id: lowercase letters, digits and dashes, at most 64 characters.</summary>
    public required string Id { get; init; }

    /// <summary>The serialised ONNX model.</summary>
    public required ReadOnlyMemory<byte> OnnxModel { get; init; }

    /// <summary>What the output means.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>Who trained it.</summary>
    public required string TrainedBy { get; init; }

    /// <summary>Class labels in output column order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Training metrics.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Marks the system bootstrap: when no version of the model exists yet, the new version 1 is registered
    /// <see cref="ModelStatus.Approved"/>. Any other registration starts <see cref="ModelStatus.PendingApproval"/>.
    /// </summary>
    public bool IsBootstrap { get; init; }

    /// <summary>The text front end of a sentence-embedding model that takes raw text; needs <see cref="Vocabulary"/>.</summary>
    public TextEncoderSpec? TextEncoder { get; init; }

    /// <summary>The WordPiece <c>vocab.txt</c> of <see cref="TextEncoder"/>, stored beside the ONNX file.</summary>
    public ReadOnlyMemory<byte> Vocabulary { get; init; }

    /// <summary>The licence of third-party weights.</summary>
    public string? License { get; init; }

    /// <summary>Where third-party weights come from.</summary>
    public string? Upstream { get; init; }

    /// <summary>Copies the model and vocabulary out and reads the model's tensors; refuses a text encoder without vocabulary.</summary>
    internal (byte[] Model, IReadOnlyList<TensorInfo> Inputs, IReadOnlyList<TensorInfo> Outputs, byte[]? Vocabulary) Read()
    {
        var bytes = OnnxModel.ToArray();
        var (inputs, outputs) = OnnxMetadataReader.Read(bytes);
        var vocabulary = TextEncoder is null ? null : Vocabulary.ToArray();
        if (vocabulary is { Length: 0 })
        {
            throw new ArgumentException("A model with a text encoder needs its vocabulary.", "registration");
        }

        return (bytes, inputs, outputs, vocabulary);
    }

    /// <summary>
    /// Describes this registration as a version; the registry supplies what only it knows (number, status, where the
    /// file lives, its hash). Both registries, file and database, build their descriptors here.
    /// </summary>
    internal ModelDescriptor Describe(
        (byte[] Model, IReadOnlyList<TensorInfo> Inputs, IReadOnlyList<TensorInfo> Outputs, byte[]? Vocabulary) read,
        int version, ModelStatus status, string onnxPath, string sha256, DateTimeOffset createdAt) => new()
    {
        Id = Id,
        Version = version,
        Status = status,
        Kind = Kind,
        OnnxPath = onnxPath,
        Sha256 = sha256,
        Inputs = read.Inputs,
        Outputs = read.Outputs,
        Labels = Labels,
        Metrics = Metrics,
        TrainedBy = TrainedBy,
        CreatedAt = createdAt,
        Description = Description,
        TextEncoder = read.Vocabulary is null ? null : TextEncoder! with { VocabularySha256 = FileModelRegistry.Sha256Hex(read.Vocabulary) },
        License = License,
        Upstream = Upstream,
    };
}
