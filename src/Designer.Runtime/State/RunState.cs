using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Designer.Runtime.State;

/// <summary>
/// The variables of one run: its input, every finished node's output under <c>nodes.&lt;id&gt;</c>, and the path
/// taken so far. Travels inside MAF messages and checkpoints, so its JSON shape is a stored format (pinned by a
/// golden file) and every change returns a copy: branches never share mutable state.
/// </summary>
public sealed class RunState
{
    /// <summary>Creates a state; used by deserialisation.</summary>
    /// <param name="attempt">Run-level attempt (1 for a fresh run).</param>
    /// <param name="nodes">Node id → output.</param>
    /// <param name="path">Node ids in completion order.</param>
    [JsonConstructor]
    public RunState(string runId, int attempt, JsonObject input, JsonObject nodes, IReadOnlyList<string> path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        RunId = runId;
        Attempt = attempt;
        Input = input ?? throw new ArgumentNullException(nameof(input));
        Nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The run's id as text; expressions read it as <c>run.id</c>.</summary>
    [JsonPropertyName("runId")]
    public string RunId { get; }

    /// <summary>Run-level attempt, 1 for a fresh run.</summary>
    [JsonPropertyName("attempt")]
    public int Attempt { get; }

    /// <summary>The run input (treat as read-only).</summary>
    [JsonPropertyName("input")]
    public JsonObject Input { get; }

    /// <summary>Node id → node output (treat as read-only).</summary>
    [JsonPropertyName("nodes")]
    public JsonObject Nodes { get; }

    /// <summary>Node ids in the order they completed.</summary>
    [JsonPropertyName("path")]
    public IReadOnlyList<string> Path { get; }

    /// <summary>Starts a run.</summary>
    /// <param name="input">Run input; copied.</param>
    /// <returns>The initial state.</returns>
    public static RunState Create(string runId, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RunState(runId, 1, (JsonObject)input.DeepClone(), [], []);
    }

    /// <summary>How many times <paramref name="nodeId"/> has completed in this run, plus one.</summary>
    /// <returns>The 1-based attempt of the node's next execution.</returns>
    public int NextAttempt(string nodeId) => Path.Count(p => p == nodeId) + 1;

    /// <summary>A copy with the node's output recorded and the node appended to the path.</summary>
    /// <param name="output">Node output; copied.</param>
    public RunState WithNodeOutput(string nodeId, JsonNode? output)
    {
        var nodes = (JsonObject)Nodes.DeepClone();
        nodes[nodeId] = output?.DeepClone();
        return new RunState(RunId, Attempt, (JsonObject)Input.DeepClone(), nodes, [.. Path, nodeId]);
    }

    /// <summary>The variables expressions see: <c>input</c>, <c>nodes</c> and <c>run</c> (id, attempt); copies.</summary>
    /// <returns>A fresh object.</returns>
    public JsonObject ToVariables() => new()
    {
        ["input"] = Input.DeepClone(),
        ["nodes"] = Nodes.DeepClone(),
        ["run"] = new JsonObject { ["id"] = RunId, ["attempt"] = Attempt },
    };
}
