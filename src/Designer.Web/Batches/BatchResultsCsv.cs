using CsvHelper;

namespace Designer.Web.Batches;

/// <summary>The outcome of every row as CSV: <c>line,status,run_id,run_status,end_node,error</c>.</summary>
internal static class BatchResultsCsv
{
    public const string Header = "line,status,run_id,run_status,end_node,error";

    public static string Write(IEnumerable<BatchRowRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text))
        {
            writer.WriteRecord(Header.Split(','));
            foreach (var row in rows)
            {
                writer.WriteRecord(
                    row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    row.Status.ToString().ToLowerInvariant(),
                    row.RunId?.ToString("D") ?? string.Empty,
                    row.RunStatus?.ToString() ?? string.Empty,
                    Cell(row.EndNode),
                    Cell(row.Error is null ? null : Runs.ApiRedaction.Redact(row.Error)));
            }
        }

        return text.ToString();
    }

    // A spreadsheet runs a cell that starts with = + - @ as a formula: such text is prefixed with a quote (OWASP).
    private static string Cell(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? string.Empty;
}
