using System.Diagnostics;
using System.Text.Json.Nodes;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Tests.ChatModels;

/// <summary>
/// Issue 12: the chat-model node through the real Semantic Kernel OpenAI connector against a scripted
/// OpenAI-compatible server on Kestrel. Each port is reached by what the server answers.
/// </summary>
public sealed class Issue12ChatModelNodeTests
{
    private const string Good = """{"resolution":"Refund the customer.","confidence":0.92}""";

    [Fact]
    public async Task Run_WellFormedJson_FollowsOkWithParsedOutputTokensCostAndAudit()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply(Good, promptTokens: 1000, completionTokens: 200));

        var (result, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-ok");

        Assert.Equal(WorkflowRunStatus.Completed, result.Status);
        Assert.Equal("ok", draft.Port);
        Assert.Equal("Refund the customer.", draft.Output!["output"]!["resolution"]!.GetValue<string>());
        var llm = draft.Data!["llm"]!;
        Assert.Equal(1200, llm["usage"]!["totalTokens"]!.GetValue<int>());
        Assert.Equal(0.8m, draft.Cost);
        Assert.Equal("drafter@1", llm["usage"]!["model"]!.GetValue<string>());
        Assert.Equal("Stop", llm["finishReason"]!.GetValue<string>(), ignoreCase: true);
        Assert.Contains("[NAME_1]", llm["prompt"]!["user"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Assert.Single(h.Server.Requests);
        Assert.Equal("drafter-model", request["model"]!.GetValue<string>());
        Assert.Equal("json_schema", request["response_format"]!["type"]!.GetValue<string>());
        var audit = Assert.Single(h.Audit.Entries);
        Assert.StartsWith("sha256:", audit["promptSha256"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Good, audit["response"]!.GetValue<string>());
        Assert.DoesNotContain("test-secret-value", audit.ToJsonString() + draft.Data.ToJsonString() + draft.Output.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EchoServer_WhatWasSentIsRedactedAndPlaceholdersRestoredWhenAllowed()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Echo());
        var config = ChatNodeHarness.DraftConfig();
        config["restorePlaceholders"] = true;

        var (_, draft) = await h.RunAsync(config, "run-echo");

        var sent = Assert.Single(h.Server.Requests).ToJsonString();
        Assert.DoesNotContain("Jane Doe", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", sent, StringComparison.Ordinal);
        Assert.Contains("[EMAIL_1]", sent, StringComparison.Ordinal);
        Assert.Contains("[PHONE_1]", sent, StringComparison.Ordinal);
        var echoed = draft.Data!["llm"]!["rawOutput"]!.GetValue<string>();
        Assert.DoesNotContain("jane.doe@example.com", echoed, StringComparison.Ordinal);
        Assert.Equal("ok", draft.Port);
        var restored = draft.Output!["output"]!["resolution"]!.GetValue<string>();
        Assert.Equal("Customer Jane Doe writes: I never got the parcel. Call +44 20 7946 0958 or mail jane.doe@example.com.", restored);
    }

    [Fact]
    public async Task Run_InvalidJsonThenRepaired_FollowsOkAfterOneRepair()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply("""{"resolution":"Refund"}""")).Then(ScriptedChatServer.Reply(Good));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-repair");

        Assert.Equal("ok", draft.Port);
        Assert.Equal(2, h.Server.Requests.Count);
        var repair = h.Server.Requests.Last()["messages"]!.AsArray();
        Assert.Contains("confidence", repair[^1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("assistant", repair[^2]!["role"]!.GetValue<string>());
        Assert.True(draft.Data!["llm"]!["repaired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_InvalidAfterRepair_FollowsInvalid()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply("not json at all"));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-invalid");

        Assert.Equal("invalid", draft.Port);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.NotEmpty(draft.Data!["llm"]!["schemaProblems"]!.AsArray());
    }

    [Fact]
    public async Task Run_ConfidenceBelowMinimum_FollowsLowConfidence()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply("""{"resolution":"Maybe refund","confidence":0.2}"""));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-low");

        Assert.Equal("low-confidence", draft.Port);
        Assert.Equal(0.2, draft.Output!["confidence"]!.GetValue<double>());
    }

    [Fact]
    public async Task Run_429WithRetryAfter_WaitsThenSucceeds()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Status(429, retryAfter: "1")).Then(ScriptedChatServer.Reply(Good));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-429");

        Assert.Equal("ok", draft.Port);
        var arrivals = h.Server.Arrivals.ToArray();
        Assert.Equal(2, arrivals.Length);

        // Retry-After: 1 must win over the 20 ms backoff; a little slack for the clock's granularity.
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Run_Persistent500_RetriesOnceLayerThenFallsBackToNextModel()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Status(500)).Then(ScriptedChatServer.Status(500)).Then(ScriptedChatServer.Status(500))
            .Then(ScriptedChatServer.Reply(Good));
        var config = ChatNodeHarness.DraftConfig();
        config["fallbackModels"] = new JsonArray("backup");

        var (_, draft) = await h.RunAsync(config, "run-fallback");

        Assert.Equal("ok", draft.Port);

        // 1 try + 2 retries (MaxRetries) for the primary: the SDK's own retries are off, or there would be more.
        var models = h.Server.Requests.Select(r => r["model"]!.GetValue<string>()).ToList();
        Assert.Equal(["drafter-model", "drafter-model", "drafter-model", "backup-model"], models);
        Assert.Equal("backup@1", draft.Output!["model"]!.GetValue<string>());
        Assert.Single(draft.Data!["llm"]!["fallbacks"]!.AsArray());
    }

    [Fact]
    public async Task Run_EveryModelUnavailable_FollowsDegraded()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Status(503));

        var (result, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-down");

        Assert.Equal(WorkflowRunStatus.Completed, result.Status);
        Assert.Equal("degraded", draft.Port);
        Assert.Equal("every chat model is unavailable", draft.Output!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_SlowReplyPastSlo_FollowsDegraded()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Slow(TimeSpan.FromSeconds(5), Good));
        var config = ChatNodeHarness.DraftConfig();
        config["latencySloMs"] = 300;
        var clock = Stopwatch.StartNew();

        var (_, draft) = await h.RunAsync(config, "run-slow");

        Assert.Equal("degraded", draft.Port);
        Assert.Contains("SLO", draft.Output!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "the SLO must cut the call short, not wait for the reply");
    }

    [Fact]
    public async Task Run_ProviderAnswersGarbage_FollowsError()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Raw("<html>this is not an API</html>"));

        var (result, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-garbage");

        Assert.Equal(WorkflowRunStatus.Completed, result.Status);
        Assert.Equal("error", draft.Port);
    }

    [Fact]
    public async Task Run_FiveMegabyteReply_FollowsErrorWithoutRetry()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Huge(5 * 1024 * 1024));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-huge");

        Assert.Equal("error", draft.Port);
        Assert.Contains("larger than", draft.Output!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task Run_NoApprovedChatModel_FollowsDegradedNoChatModelConfigured()
    {
        await using var h = await ChatNodeHarness.StartAsync(approve: false);

        var (result, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-unconfigured");

        Assert.Equal(WorkflowRunStatus.Completed, result.Status);
        Assert.Equal("degraded", draft.Port);
        Assert.Equal("no chat model configured", draft.Output!["reason"]!.GetValue<string>());
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Run_TokenBudgetTooSmall_FollowsDegradedWithoutCalling()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        var config = ChatNodeHarness.DraftConfig();
        config["runTokenBudget"] = 50;

        var (_, draft) = await h.RunAsync(config, "run-budget");

        Assert.Equal("degraded", draft.Port);
        Assert.Contains("token budget", draft.Output!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Run_CacheOptedIn_SecondRunDoesNotCallTheProvider()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply(Good));
        var config = ChatNodeHarness.DraftConfig();
        config["cacheResponses"] = true;

        await h.RunAsync(config, "run-cache-1");
        var (_, second) = await h.RunAsync(config, "run-cache-2");

        Assert.Equal("ok", second.Port);
        Assert.Single(h.Server.Requests);
        Assert.True(second.Data!["llm"]!["usage"]!["cached"]!.GetValue<bool>());
    }
}
