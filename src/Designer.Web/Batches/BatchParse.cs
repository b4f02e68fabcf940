namespace Designer.Web.Batches;

/// <summary>What reading a batch file found: the good rows, every bad line, or a problem with the file as a whole.</summary>
internal sealed class BatchParse
{
    public List<BatchLine> Rows { get; } = [];

    public List<BatchLineProblem> Problems { get; } = [];

    /// <summary>Set when the file as a whole is refused (no header, too many rows, malformed quoting…).</summary>
    public string? FileProblem { get; private init; }

    public static BatchParse Refused(string problem) => new() { FileProblem = problem };

    public void Add(int line, string message) => Problems.Add(new BatchLineProblem(line, message));
}
