using System.Globalization;
using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>One field of the start form, from one property of the Start node's input schema.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">JSON type: number, integer, boolean or string.</param>
/// <param name="Required">Listed in the schema's required.</param>
/// <param name="Options">The enum's values, if any.</param>
public sealed record StartInputField(string Name, string Type, bool Required, IReadOnlyList<string> Options)
{
    /// <summary>The text the user typed or chose.</summary>
    public string? Value { get; set; }
}

/// <summary>
/// The start-a-run form generated from the Start node's input schema (the JSON Schema subset the designer edits):
/// one field per property; values are converted to the property's type, and every problem is reported at once.
/// </summary>
public sealed class StartInputForm
{
    private StartInputForm(IReadOnlyList<StartInputField> fields) => Fields = fields;

    /// <summary>The fields, in schema order.</summary>
    public IReadOnlyList<StartInputField> Fields { get; }

    /// <summary>Builds the form of a version's Start node; empty when it has no schema.</summary>
    /// <param name="definition">The version.</param>
    /// <returns>The form.</returns>
    public static StartInputForm For(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var schema = definition.Nodes.FirstOrDefault(n => n.Kind == Designer.Workflows.Catalogue.NodeKinds.Start)?.Config["inputSchema"] as JsonObject;
        var required = (schema?["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        var fields = (schema?["properties"] as JsonObject ?? []).Select(p => new StartInputField(
            p.Key,
            p.Value?["type"]?.ToString() ?? "string",
            required.Contains(p.Key),
            (p.Value?["enum"] as JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToList() ?? []));
        return new StartInputForm([.. fields]);
    }

    /// <summary>Fills the fields from an input object (e.g. a sample).</summary>
    /// <param name="input">The values.</param>
    public void Fill(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var field in Fields)
        {
            field.Value = input[field.Name] is { } v ? (v is JsonValue value && value.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
        }
    }

    /// <summary>The input object, or the problems (one per field).</summary>
    /// <param name="problems">Every problem found.</param>
    /// <returns>The input, or null when there are problems.</returns>
    public JsonObject? ToInput(out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var input = new JsonObject();
        foreach (var field in Fields)
        {
            if (string.IsNullOrWhiteSpace(field.Value))
            {
                if (field.Required)
                {
                    errors.Add($"'{field.Name}' is required.");
                }

                continue;
            }

            var text = field.Value.Trim();
            switch (field.Type)
            {
                case "number" or "integer":
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && (field.Type == "number" || number == Math.Floor(number)))
                    {
                        input[field.Name] = number;
                    }
                    else
                    {
                        errors.Add($"'{field.Name}' must be {(field.Type == "integer" ? "a whole number" : "a number")}.");
                    }

                    break;
                case "boolean":
                    if (bool.TryParse(text, out var flag))
                    {
                        input[field.Name] = flag;
                    }
                    else
                    {
                        errors.Add($"'{field.Name}' must be true or false.");
                    }

                    break;
                default:
                    input[field.Name] = text;
                    break;
            }
        }

        problems = errors;
        return errors.Count == 0 ? input : null;
    }
}
