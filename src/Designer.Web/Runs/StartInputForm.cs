using System.Globalization;
using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

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
    public static StartInputForm For(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var schema = definition.Nodes.FirstOrDefault(n => n.Kind == Designer.Workflows.Catalogue.NodeKinds.Start)?.Config["inputSchema"] as JsonObject;
        var required = (schema?["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        // A version's JSON is canonical (keys sorted), so property order is lost: the required list (an array, kept in
        // the author's order) leads, then the optional fields.
        var requiredOrder = (schema?["required"] as JsonArray)?.Select(r => r?.ToString() ?? string.Empty).ToList() ?? [];
        var fields = (schema?["properties"] as JsonObject ?? [])
            .Select((p, index) => (Property: p, Rank: requiredOrder.IndexOf(p.Key) is >= 0 and var r ? r : requiredOrder.Count + index))
            .OrderBy(x => x.Rank)
            .Select(x => new StartInputField(
                x.Property.Key,
                x.Property.Value?["type"]?.ToString() ?? "string",
                required.Contains(x.Property.Key),
                (x.Property.Value?["enum"] as JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToList() ?? [])
            {
                Label = x.Property.Value?["title"]?.ToString() is { Length: > 0 } title ? title : Humanize(x.Property.Key),
            });
        return new StartInputForm([.. fields]);
    }

    /// <summary>"customerTenureMonths" or "customer_tenure" in words, first letter capitalised.</summary>
    /// <param name="name">A property name.</param>
    public static string Humanize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    /// <summary>The values typed so far, converted where they parse, for the JSON tab; never fails.</summary>
    /// <returns>One property per filled field; a value that does not parse as its type stays the text typed (trimmed).</returns>
    public JsonObject ToPartialInput()
    {
        var input = new JsonObject();
        foreach (var field in Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            var text = field.Value!.Trim();
            input[field.Name] = field.Type switch
            {
                "number" or "integer" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                "boolean" when bool.TryParse(text, out var flag) => flag,
                _ => text,
            };
        }

        return input;
    }

    /// <summary>Fills the fields from an input object (e.g. a sample).</summary>
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
                    errors.Add($"{field.Label} is required.");
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
                        errors.Add($"{field.Label} must be {(field.Type == "integer" ? "a whole number" : "a number")}.");
                    }

                    break;
                case "boolean":
                    if (bool.TryParse(text, out var flag))
                    {
                        input[field.Name] = flag;
                    }
                    else
                    {
                        errors.Add($"{field.Label} must be true or false.");
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
