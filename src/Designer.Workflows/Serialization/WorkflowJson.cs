using System.Text.Json;
using System.Text.Json.Serialization;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Serialization;

/// <summary>Reads and writes the public workflow wire format (camelCase JSON).</summary>
public static class WorkflowJson
{
    /// <summary>Serializer options for the wire format (camelCase, nulls omitted, depth ≤ 64); read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);

    /// <summary>
    /// Parses a workflow document. Never throws: malformed JSON, wrong types, oversize documents and the limits
    /// in <see cref="WorkflowLimits"/> all become problems.
    /// </summary>
    /// <param name="json">The document text.</param>
    /// <returns>The definition (best effort) and every structural problem.</returns>
    public static WorkflowParseResult Parse(string? json) => WorkflowDocumentReader.Read(json);

    /// <summary>Writes a definition in the wire format.</summary>
    /// <param name="indented">Pretty-print for humans.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(WorkflowDefinition definition, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, indented ? IndentedOptions : Options);
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = WorkflowLimits.MaxDepth,
            WriteIndented = indented,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
