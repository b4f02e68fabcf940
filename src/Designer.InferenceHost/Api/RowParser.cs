using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.InferenceHost.Api;

/// <summary>Parses <c>rows</c> (arrays of finite numbers, each as wide as the model's input) and lists every problem.</summary>
internal static class RowParser
{
    /// <summary>Most rows in one request.</summary>
    public const int MaxRows = 4096;

    /// <summary>Most problems reported; the rest are summarised.</summary>
    private const int MaxProblems = 50;

    public static float[][]? Parse(JsonNode? node, int width, List<string> errors)
    {
        if (node is not JsonArray rows)
        {
            errors.Add("'rows' must be an array of number arrays.");
            return null;
        }

        if (rows.Count is 0 or > MaxRows)
        {
            errors.Add($"'rows' must hold 1 to {MaxRows} rows; it holds {rows.Count}.");
            return null;
        }

        var result = new float[rows.Count][];
        var problems = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonArray row)
            {
                Add(errors, ref problems, $"rows[{i}] must be an array of numbers.");
                continue;
            }

            if (row.Count != width)
            {
                Add(errors, ref problems, $"rows[{i}] has {row.Count} values; the model expects {width}.");
                continue;
            }

            var values = new float[width];
            for (var j = 0; j < width; j++)
            {
                if (row[j] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && float.IsFinite((float)v.GetValue<double>()))
                {
                    values[j] = (float)v.GetValue<double>();
                }
                else
                {
                    Add(errors, ref problems, $"rows[{i}][{j}] must be a finite number (no NaN, infinity or strings).");
                }
            }

            result[i] = values;
        }

        if (problems > MaxProblems)
        {
            errors.Add($"… and {problems - MaxProblems} more problems.");
        }

        return errors.Count == 0 ? result : null;
    }

    private static void Add(List<string> errors, ref int problems, string message)
    {
        if (++problems <= MaxProblems)
        {
            errors.Add(message);
        }
    }
}
