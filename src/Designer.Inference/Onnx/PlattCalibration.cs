namespace Designer.Inference.Onnx;

/// <summary>
/// Platt scaling of a logit: <c>p = σ(Scale · z + Offset)</c>. Being affine in the logit, it is folded into the
/// exported weights, so the ONNX graph needs no extra operator.
/// </summary>
/// <param name="Scale">Multiplier of the raw logit.</param>
/// <param name="Offset">Added after scaling.</param>
public readonly record struct PlattCalibration(float Scale, float Offset)
{
    /// <summary>No calibration: <c>p = σ(z)</c>.</summary>
    public static PlattCalibration Identity { get; } = new(1f, 0f);
}
