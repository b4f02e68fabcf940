namespace Designer.InferenceHost.Api;

/// <summary>Model input rows for texts, and the tokens they used.</summary>
/// <param name="Rows">One input row per text.</param>
/// <param name="TokenCount">Tokens used in total.</param>
public sealed record EncodedTexts(IReadOnlyList<float[]> Rows, int TokenCount)
{
    /// <summary>Indexes of inputs cut to the model's token window (reported to the caller).</summary>
    public IReadOnlyList<int> Truncated { get; init; } = [];
}
