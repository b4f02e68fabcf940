using System.Text.Json.Nodes;
using Designer.Runtime.Policies;

namespace Designer.Web.Runs;

/// <summary>
/// Masks personal data in what the run and task APIs return, with the runtime's <see cref="PiiRedactor"/> (its
/// detectors decide what counts). Stored rows keep the values the runtime needs; only the audited reveal of a
/// <c>pii-reader</c> shows them.
/// </summary>
internal static class ApiRedaction
{
    public static JsonNode? Redact(JsonNode? node) => PiiRedactor.Redact(node, new Dictionary<string, int>(StringComparer.Ordinal));

    public static string Redact(string text) => PiiRedactor.Redact(text, new Dictionary<string, int>(StringComparer.Ordinal));
}
