using System.Text.Json;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Serialization;

/// <summary>Collects problems while reading; the typed helpers never throw on wrong input.</summary>
internal sealed class ReaderContext
{
    public List<ValidationProblem> Problems { get; } = [];

    public void Add(string code, string message, string field, string? nodeId = null, string? edgeId = null) =>
        Problems.Add(new ValidationProblem(code, message, nodeId, edgeId, field));

    /// <summary>
    /// Reports repeated property names in a structural object: readers disagree on which copy wins, so a document
    /// that relies on one is ambiguous.
    /// </summary>
    public void CheckUniqueNames(JsonElement obj, string path, string? nodeId = null, string? edgeId = null)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject().Where(p => !names.Add(p.Name)))
        {
            Add(ProblemCodes.JsonMalformed, $"'{path}' repeats property '{Truncate(property.Name)}'.", path, nodeId, edgeId);
        }
    }

    public bool TryGetObject(JsonElement parent, string name, string path, out JsonElement value, string? nodeId = null,
        string? edgeId = null)
    {
        if (!parent.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(ProblemCodes.JsonRequired, $"'{path}' is required.", path, nodeId, edgeId);
            return false;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(ProblemCodes.JsonType, $"'{path}' must be an object, not {Describe(value)}.", path, nodeId, edgeId);
            return false;
        }

        return true;
    }

    public string? ReadString(JsonElement parent, string name, string path, bool required, int maxLength,
        string? nodeId = null, string? edgeId = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(ProblemCodes.JsonRequired, $"'{path}' is required.", path, nodeId, edgeId);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(ProblemCodes.JsonType, $"'{path}' must be a string, not {Describe(value)}.", path, nodeId, edgeId);
            return null;
        }

        var text = value.GetString() ?? string.Empty;
        if (text.Length > maxLength)
        {
            Add(ProblemCodes.JsonLimit, $"'{path}' is longer than {maxLength} characters.", path, nodeId, edgeId);
            return text[..maxLength];
        }

        return text;
    }

    public string? ReadId(JsonElement parent, string name, string path, string? nodeId = null, string? edgeId = null)
    {
        var id = ReadString(parent, name, path, required: true, WorkflowLimits.MaxStringLength, nodeId, edgeId);
        if (id is not null && !WorkflowLimits.IsValidId(id))
        {
            Add(ProblemCodes.JsonInvalidId,
                $"'{path}' must be 1-{WorkflowLimits.MaxIdLength} characters matching {WorkflowLimits.IdPattern}.",
                path, nodeId, edgeId);
        }

        return id;
    }

    public double ReadNumber(JsonElement parent, string name, string path, string? nodeId)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(ProblemCodes.JsonRequired, $"'{path}' is required.", path, nodeId);
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Add(ProblemCodes.JsonType, $"'{path}' must be a finite number, not {Describe(value)}.", path, nodeId);
            return 0;
        }

        return number;
    }

    /// <summary>Flags over-long strings, over-long and repeated property names anywhere below <paramref name="element"/>.</summary>
    public void CheckStrings(JsonElement element, string path, string? nodeId)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when element.GetString()!.Length > WorkflowLimits.MaxStringLength:
                Add(ProblemCodes.JsonLimit, $"'{path}' is longer than {WorkflowLimits.MaxStringLength} characters.",
                    path, nodeId);
                break;
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        Add(ProblemCodes.JsonMalformed, $"'{path}' repeats property '{Truncate(property.Name)}'; the last one is kept.",
                            path, nodeId);
                    }

                    var childPath = $"{path}.{Truncate(property.Name)}";
                    if (property.Name.Length > WorkflowLimits.MaxStringLength)
                    {
                        Add(ProblemCodes.JsonLimit, $"A property name under '{path}' is too long.", path, nodeId);
                    }

                    CheckStrings(property.Value, childPath, nodeId);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckStrings(item, $"{path}[{index++}]", nodeId);
                }

                break;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Truncate(string name) => name.Length <= 50 ? name : name[..50] + "…";
}
