using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Runtime.State;

namespace Designer.Runtime.Tests.Execution;

/// <summary>
/// Pins the stored formats: a checkpoint only resumes on the same workflow shape and type names, so any change
/// here is a format change. Regenerate with DESIGNER_UPDATE_GOLDEN=1 only on purpose.
/// </summary>
public sealed partial class CheckpointFormatTests
{
    [Fact]
    public void RunState_Serialized_MatchesGoldenShape()
    {
        var state = RunState.Create("run-1", new JsonObject { ["amount"] = 10, ["note"] = "x" })
            .WithNodeOutput("start", null)
            .WithNodeOutput("risk", new JsonObject { ["score"] = 0.25 });

        var json = JsonSerializer.Serialize(new NodeMessage("risk", "ok", state), RuntimeJson.Options);

        Golden.Assert("node-message.json", Indent(json));
    }

    [Fact]
    public void RunState_RoundTrip_KeepsEverything()
    {
        var state = RunState.Create("run-1", new JsonObject { ["amount"] = 10 }).WithNodeOutput("risk", new JsonObject { ["score"] = 0.25 });

        var copy = JsonSerializer.Deserialize<RunState>(JsonSerializer.Serialize(state, RuntimeJson.Options), RuntimeJson.Options)!;

        Assert.Equal(JsonSerializer.Serialize(state, RuntimeJson.Options), JsonSerializer.Serialize(copy, RuntimeJson.Options));
        Assert.Equal(2, copy.NextAttempt("risk"));
    }

    [Fact]
    public async Task Checkpoint_RunWaitingAtGate_MatchesGoldenShape()
    {
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.9f;
        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-golden", RuntimeFixture.HighRiskInput(), TestContext.Current.CancellationToken);

        var checkpoints = await fixture.Checkpoints.ListAsync("run-golden", TestContext.Current.CancellationToken);

        Golden.Assert("checkpoint-waiting-at-gate.json", Normalise(checkpoints[^1].Json));
    }

    private static string Indent(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static string Normalise(string json)
    {
        // Checkpoint ids are GUIDs; everything else is deterministic under the fake clock and scripted backends.
        var text = GuidPattern().Replace(Indent(json), "<guid>");
        return text;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
