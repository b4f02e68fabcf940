using Designer.Persistence;
using System.Text.Json.Nodes;
using Designer.Runtime.Tracing;
using Designer.Web.Runs;

namespace Designer.Web.Tests.RunsUi;

/// <summary>Folding trace rows into node statuses, spans and details.</summary>
public sealed class RunTraceTests
{
    private static readonly Guid Run = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_LifecycleRows_MovesStatusesAndRecordsSpans()
    {
        // Arrange
        var trace = new RunTrace(["start", "risk", "review", "end"]);

        // Act
        var invoked = trace.Apply(Row(1, TraceEventKinds.NodeInvoked, "risk", new JsonObject { ["startedAt"] = T0 }))?.Status;
        trace.Apply(Row(2, TraceEventKinds.SloBreach, "risk", new JsonObject { ["data"] = new JsonObject { ["latencyMs"] = 300, ["sloMs"] = 250 } }));
        var completed = trace.Apply(Row(3, TraceEventKinds.NodeCompleted, "risk", new JsonObject
        {
            ["startedAt"] = T0, ["endedAt"] = T0.AddMilliseconds(300), ["durationMs"] = 300.0, ["port"] = "degraded", ["cost"] = 0.0004m,
            ["data"] = new JsonObject { ["provider"] = "CPUExecutionProvider", ["score"] = 0.9 },
        }));
        trace.Apply(Row(4, TraceEventKinds.NodeInvoked, "review", new JsonObject { ["startedAt"] = T0.AddMilliseconds(301) }));
        var waiting = trace.Apply(Row(5, TraceEventKinds.Request, "review", new JsonObject { ["data"] = new JsonObject { ["assigneeRole"] = "approver" } }))?.Status;
        var replayed = trace.Apply(Row(5, TraceEventKinds.NodeFailed, "review", []));

        // Assert
        Assert.Equal(NodeRunStatus.Running, invoked);
        var risk = trace.Nodes["risk"];
        Assert.Same(risk, completed);
        Assert.Equal(NodeRunStatus.Degraded, risk.Status);
        Assert.Equal(300, risk.DurationMs);
        Assert.Equal(0.0004m, risk.Cost);
        Assert.Single(risk.SloBreaches);
        Assert.Equal(new NodeSpan(1, T0, T0.AddMilliseconds(300), NodeRunStatus.Degraded), Assert.Single(risk.Spans));
        Assert.Equal(NodeRunStatus.WaitingForHuman, waiting);
        Assert.Null(replayed);
        Assert.Equal(5, trace.LastSequence);
        Assert.Equal(NodeRunStatus.Pending, trace.Nodes["end"].Status);
        Assert.Equal(["end", "start"], trace.Finish().Select(n => n.NodeId).Order());
        Assert.Equal(NodeRunStatus.Skipped, trace.Nodes["end"].Status);
    }

    [Fact]
    public void Apply_Issue18_GateRequest_OpenSpanIsWaitingNotRunning()
    {
        // Arrange
        var trace = new RunTrace(["review"]);
        trace.Apply(Row(1, TraceEventKinds.NodeInvoked, "review", new JsonObject { ["startedAt"] = T0 }));

        // Act
        trace.Apply(Row(2, TraceEventKinds.Request, "review", new JsonObject { ["data"] = new JsonObject { ["assigneeRole"] = "approver" } }));

        // Assert
        Assert.Equal(new NodeSpan(1, T0, null, NodeRunStatus.WaitingForHuman), Assert.Single(trace.Nodes["review"].Spans));
    }

    [Fact]
    public void Apply_FailedRow_RecordsErrorAndOutputRowSetsRunOutput()
    {
        // Arrange
        var trace = new RunTrace(["policy", "end"]);

        // Act
        trace.Apply(Row(1, TraceEventKinds.NodeInvoked, "policy", new JsonObject { ["startedAt"] = T0 }));
        var failed = trace.Apply(Row(2, TraceEventKinds.NodeFailed, "policy", new JsonObject { ["error"] = "rules: boom", ["endedAt"] = T0.AddMilliseconds(5) }));
        trace.Apply(Row(3, TraceEventKinds.Output, "end", new JsonObject { ["output"] = new JsonObject { ["decision"] = "x" } }));

        // Assert
        Assert.Equal(NodeRunStatus.Failed, failed!.Status);
        Assert.Equal(["rules: boom"], failed.Errors);
        Assert.Equal("x", trace.Output!["decision"]!.GetValue<string>());
        Assert.Equal("failed", NodeRunStatusNames.Of(failed.Status));
    }

    private static TraceEventRecord Row(long sequence, string kind, string nodeId, JsonObject body)
    {
        body["kind"] = kind;
        body["nodeId"] = nodeId;
        return new TraceEventRecord(Run, sequence, kind, nodeId, body.ToJsonString(), T0);
    }
}
