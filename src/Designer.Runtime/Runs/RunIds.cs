using System.Globalization;

namespace Designer.Runtime.Runs;

/// <summary>Run ids are GUIDs in the database and their "D" string as MAF session ids.</summary>
internal static class RunIds
{
    public static Guid Parse(string runId) =>
        Guid.TryParseExact(runId, "D", out var id) ? id : throw new ArgumentException($"'{runId}' is not a run id.", nameof(runId));

    public static string Format(Guid runId) => runId.ToString("D", CultureInfo.InvariantCulture);
}
