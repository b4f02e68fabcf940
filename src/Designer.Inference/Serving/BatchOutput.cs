namespace Designer.Inference.Serving;

/// <summary>Row-major model output.</summary>
/// <param name="Values">Exactly <c>rows × Width</c> values.</param>
/// <param name="Width">Values per row.</param>
public sealed record BatchOutput(float[] Values, int Width);
