using System.Text.Json;

namespace Designer.Runtime.Execution;

/// <summary>Reads MAF 1.28's checkpoint JSON (format pinned by the golden checkpoint test).</summary>
internal static class CheckpointJson
{
    /// <summary>True when the checkpoint has queued messages or an outstanding request, i.e. resuming it does work.</summary>
    /// <param name="json">The checkpoint JSON.</param>
    /// <returns>Whether the run had work left at this checkpoint.</returns>
    public static bool HasPendingWork(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("runnerData", out var runner))
        {
            throw new InvalidOperationException("The checkpoint has no runnerData; the MAF checkpoint format changed.");
        }

        return NotEmpty(runner, "queuedMessages") || NotEmpty(runner, "outstandingRequests");
    }

    private static bool NotEmpty(JsonElement runner, string name) =>
        runner.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Any(),
            JsonValueKind.Array => value.GetArrayLength() > 0,
            _ => false,
        };
}
