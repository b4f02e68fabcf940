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
}
