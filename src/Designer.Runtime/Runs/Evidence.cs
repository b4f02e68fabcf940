using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Runs;

/// <summary>What a human task shows as evidence: the run's trace so far, minus the node-started noise.</summary>
internal static class Evidence
{
    private const int MaxEvents = 500;

    public static async Task<string> CollectAsync(IRunStore runs, Guid runId, CancellationToken cancellationToken)
    {
        var events = await runs.ListTraceAsync(runId, 0, MaxEvents, cancellationToken);
        var array = new JsonArray();
        foreach (var e in events.Where(e => e.Kind is not (TraceEventKinds.NodeInvoked or TraceEventKinds.Request)))
        {
            array.Add(JsonNode.Parse(e.Json));
        }

        return array.ToJsonString();
    }
}
