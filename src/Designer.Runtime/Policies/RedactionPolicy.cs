using System.Text.Json.Nodes;
using Designer.Hosting.Privacy;

namespace Designer.Runtime.Policies;

/// <summary>
/// What the trace must hide for one workflow: the union of its policy nodes' redaction settings, applied to every
/// trace event of every node (including those that run before the policy node), so nothing sensitive is stored.
/// </summary>
public sealed class RedactionPolicy
{
    /// <summary>Redacts nothing.</summary>
    public static RedactionPolicy None { get; } = new(false, []);

    /// <summary>Creates a policy.</summary>
    /// <param name="detectPii">Mask detected PII in every string.</param>
    /// <param name="fields">Variable paths (e.g. <c>input.iban</c>) always replaced by <c>[redacted]</c>.</param>
    public RedactionPolicy(bool detectPii, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        DetectPii = detectPii;
        Fields = [.. fields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Mask detected PII in every string.</summary>
    public bool DetectPii { get; }

    /// <summary>Variable paths always replaced whole.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The masked copy of a trace payload rooted at <paramref name="rootPath"/>.</summary>
    /// <param name="rootPath">Path of the payload in the run variables (e.g. <c>input</c>, <c>nodes.risk</c>), or empty.</param>
    /// <param name="runtimeWritten">
    /// True when the runtime wrote the payload's top level itself (a gate's decision), so its actor keys name staff
    /// and are kept; customer data never gets that exemption (issue 14).
    /// </param>
    /// <returns>The masked copy (or the same null).</returns>
    public JsonNode? Apply(JsonNode? node, string rootPath = "", bool runtimeWritten = false)
    {
        if (node is null)
        {
            return null;
        }

        var copy = node.DeepClone();
        foreach (var field in Fields)
        {
            copy = MaskPath(copy, rootPath, field);
        }

        if (!DetectPii)
        {
            return copy;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        return runtimeWritten ? PiiRedactor.RedactRuntimeEvent(copy, counts) : PiiRedactor.Redact(copy, counts);
    }

    private static JsonNode? MaskPath(JsonNode? root, string rootPath, string field)
    {
        var relative = rootPath.Length == 0 ? field
            : field.StartsWith(rootPath + ".", StringComparison.Ordinal) ? field[(rootPath.Length + 1)..]
            : null;
        if (relative is null)
        {
            return root;
        }

        var parts = relative.Split('.');
        var current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = (current as JsonObject)?[parts[i]];
        }

        if (current is JsonObject parent && parent.ContainsKey(parts[^1]))
        {
            parent[parts[^1]] = "[redacted]";
        }

        return root;
    }
}
