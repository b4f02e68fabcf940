using System.Globalization;

namespace Designer.Inference.Serving;

/// <summary>Identifies one served model version (also the metric tags <c>model</c> and <c>version</c>).</summary>
/// <param name="Version">Version number within the model, starting at 1.</param>
public readonly record struct ModelKey(string Id, int Version)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} v{Version}");
}
