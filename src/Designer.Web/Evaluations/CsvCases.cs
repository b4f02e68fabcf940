using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>
/// Reads cases from CSV (RFC 4180: comma-separated, double-quoted fields, "" for a quote). The header names the
/// columns: <c>expected_end</c>, <c>expected.&lt;field&gt;</c> (output fields), <c>tags</c> (separated by <c>;</c>)
/// and, for every other column, an input field. Cells are typed by the start schema's property type (number,
/// integer, boolean, else string); an empty cell leaves the field out.
/// </summary>
internal static class CsvCases
{
    public static List<CaseInput> Read(string text, JsonObject? schema, List<ValidationProblem> problems)
    {
        var rows = Parse(text, problems);
        var cases = new List<CaseInput>();
        if (rows.Count == 0)
        {
            if (problems.Count == 0)
            {
                problems.Add(new("csv.empty", "The CSV has no header row.", Field: "csv"));
            }

            return cases;
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        if (!header.Contains("expected_end") && !header.Any(h => h.StartsWith("expected.", StringComparison.Ordinal)))
        {
            problems.Add(new("csv.header", "The header needs an expected_end column and/or expected.<field> columns.", Field: "csv"));
            return cases;
        }

        var properties = schema?["properties"] as JsonObject;
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var at = $"csv row {r + 1}";
            if (row.Count == 1 && string.IsNullOrWhiteSpace(row[0]))
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                problems.Add(new("csv.columns", $"has {row.Count} cells; the header has {header.Count}.", Field: at));
                continue;
            }

            var input = new JsonObject();
            JsonObject? output = null;
            string? end = null;
            var tags = new List<string>();
            for (var c = 0; c < header.Count; c++)
            {
                var cell = row[c];
                if (cell.Length == 0)
                {
                    continue;
                }

                var column = header[c];
                if (column == "expected_end")
                {
                    end = cell.Trim();
                }
                else if (column == "tags")
                {
                    tags.AddRange(cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
                else if (column.StartsWith("expected.", StringComparison.Ordinal))
                {
                    output ??= [];
                    output[column["expected.".Length..]] = JsonValue.Create(cell);
                }
                else
                {
                    input[column] = Typed(cell, (properties?[column] as JsonObject)?["type"]?.GetValue<string>(), $"{at}, column {column}", problems);
                }
            }

            if (end is null && output is null)
            {
                problems.Add(new("case.expected", "has neither expected_end nor expected.<field> values.", Field: at));
                continue;
            }

            cases.Add(new CaseInput(at, input, end, output, tags.Distinct(StringComparer.Ordinal).ToList()));
        }

        return cases;
    }

    private static JsonValue? Typed(string cell, string? type, string at, List<ValidationProblem> problems)
    {
        switch (type)
        {
            case "number" when double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                return JsonValue.Create(d);
            case "integer" when long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                return JsonValue.Create(l);
            case "boolean" when bool.TryParse(cell, out var b):
                return JsonValue.Create(b);
            case "number" or "integer" or "boolean":
                problems.Add(new("csv.type", $"'{Short(cell)}' is not a valid {type}.", Field: at));
                return null;
            default:
                return JsonValue.Create(cell);
        }
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static List<List<string>> Parse(string text, List<ValidationProblem> problems)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    cell.Append(ch);
                }
            }
            else if (ch == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                line++;
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (quoted)
        {
            problems.Add(new("csv.quote", $"A quoted cell opened before line {line} is never closed.", Field: "csv"));
            return [];
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
