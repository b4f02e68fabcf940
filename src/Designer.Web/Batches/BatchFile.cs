using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Designer.Runtime.Executors;

namespace Designer.Web.Batches;

/// <summary>
/// Reads an uploaded batch into run inputs and checks every row against the start schema, collecting every bad line
/// (1-based; the CSV header is line 1) rather than stopping at the first. CSV cells take the type of their schema
/// field (number, integer, boolean, string; object/array cells are JSON); an empty cell leaves the field out.
/// </summary>
internal static class BatchFile
{
    public static BatchParse Read(string text, BatchFormat format, JsonObject? schema, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return BatchParse.Refused("The file contains a NUL character, which no field accepts.");
        }

        var parse = format == BatchFormat.Csv ? ReadCsv(text, schema, maxRows) : ReadNdjson(text, schema, maxRows);
        if (parse.FileProblem is null && parse.Rows.Count == 0 && parse.Problems.Count == 0)
        {
            return BatchParse.Refused("The file has no rows.");
        }

        return parse;
    }

    private static BatchParse ReadNdjson(string text, JsonObject? schema, int maxRows)
    {
        var result = new BatchParse();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (result.Rows.Count + result.Problems.Count >= maxRows)
            {
                return BatchParse.Refused($"The file has more than {maxRows:N0} rows, the most one batch may have.");
            }

            JsonObject? input = null;
            try
            {
                input = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
            }
            catch (JsonException ex)
            {
                result.Add(i + 1, $"not valid JSON: {ex.Message}");
                continue;
            }

            if (input is null)
            {
                result.Add(i + 1, "must be a JSON object.");
                continue;
            }

            Check(result, i + 1, input, schema);
        }

        return result;
    }

    private static BatchParse ReadCsv(string text, JsonObject? schema, int maxRows)
    {
        var result = new BatchParse();
        var properties = schema?["properties"] as JsonObject;
        var options = new CsvReaderOptions { TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        try
        {
            using var reader = CsvReader.FromText(text, options);
            var headers = reader.Headers.Select(h => h.Trim()).ToList();
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
            {
                return BatchParse.Refused("The CSV has no header row; line 1 must name the start-schema fields.");
            }

            var headerProblems = new List<string>();
            foreach (var header in headers)
            {
                if (header.Length == 0)
                {
                    headerProblems.Add("a column has no name");
                }
                else if (properties is not null && !properties.ContainsKey(header))
                {
                    headerProblems.Add($"'{Short(header)}' is not a field of the start schema ({string.Join(", ", properties.Select(p => p.Key))})");
                }
            }

            foreach (var duplicate in headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                headerProblems.Add($"'{Short(duplicate.Key)}' is named twice");
            }

            if (headerProblems.Count > 0)
            {
                return BatchParse.Refused("The CSV header (line 1) is invalid: " + string.Join("; ", headerProblems) + ".");
            }

            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (result.Rows.Count + result.Problems.Count >= maxRows)
                {
                    return BatchParse.Refused($"The file has more than {maxRows:N0} rows, the most one batch may have.");
                }

                if (reader.FieldCount != headers.Count)
                {
                    result.Add(line, $"has {reader.FieldCount} cells; the header has {headers.Count}.");
                    continue;
                }

                var input = new JsonObject();
                var cellProblems = new List<string>();
                for (var c = 0; c < headers.Count; c++)
                {
                    var cell = reader.GetString(c);
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    var type = (properties?[headers[c]]?["type"] as JsonValue)?.GetValue<string>();
                    if (Convert(cell, type) is { } value)
                    {
                        input[headers[c]] = value;
                    }
                    else
                    {
                        cellProblems.Add($"$.{headers[c]}: '{Short(cell)}' is not a valid {type}");
                    }
                }

                if (cellProblems.Count > 0)
                {
                    result.Add(line, string.Join("; ", cellProblems));
                    continue;
                }

                Check(result, line, input, schema);
            }
        }
        catch (CsvFormatException ex)
        {
            return BatchParse.Refused($"The CSV is malformed: {ex.Message}");
        }

        return result;
    }

    private static void Check(BatchParse result, int line, JsonObject input, JsonObject? schema)
    {
        var problems = InputSchemaValidator.Validate(schema, input);
        if (problems.Count > 0)
        {
            result.Add(line, string.Join("; ", problems));
        }
        else
        {
            result.Rows.Add(new BatchLine(line, input));
        }
    }

    private static JsonNode? Convert(string cell, string? type)
    {
        switch (type)
        {
            case "number":
                return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? JsonValue.Create(d) : null;
            case "integer":
                return long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
            case "boolean":
                return bool.TryParse(cell, out var b) ? JsonValue.Create(b) : null;
            case "object" or "array":
                try
                {
                    var node = JsonNode.Parse(cell);
                    return (type == "object" && node is JsonObject) || (type == "array" && node is JsonArray) ? node : null;
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return JsonValue.Create(cell);
        }
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
