using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Tests.ChatModels;

/// <summary>
/// Issue 12, at the wire: the node's non-streaming contract (an SSE answer is a clear error), the Azure OpenAI
/// connector's route and key header, and low confidence from the provider's log-probabilities.
/// </summary>
public sealed class Issue12ChatWireTests
{
    private const string Good = """{"resolution":"Refund the customer.","confidence":0.92}""";

    [Fact]
    public async Task Run_ServerAnswersWithEventStream_FollowsErrorSayingTheNodeDoesNotStream()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.ServerSentEvents());

        var (result, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-sse");

        Assert.Equal(WorkflowRunStatus.Completed, result.Status);
        Assert.Equal("error", draft.Port);
        Assert.Contains("streamed", draft.Output!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Assert.Single(h.Server.Requests);
        Assert.True(request["stream"] is null || !request["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_AzureOpenAiVersion_CallsTheDeploymentRouteWithTheKeyHeaderOnly()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        var version = await h.Registry.RegisterAsync(new ChatModelRegistration
        {
            Id = "azure-drafter",
            Provider = ChatProviderKinds.AzureOpenAi,
            Endpoint = h.Server.Endpoint,
            ModelName = "resolution-deployment",
            InputPricePer1K = 1m,
            OutputPricePer1K = 2m,
            ApiKeySecret = "TestKey",
            RegisteredBy = "author-1",
        }, TestContext.Current.CancellationToken);
        await h.Registry.SetStatusAsync(version.Id, version.Version, ModelStatus.Approved, "approver-1", TestContext.Current.CancellationToken);
        h.Server.Then(ScriptedChatServer.Reply(Good, promptTokens: 1000, completionTokens: 500));
        var config = ChatNodeHarness.DraftConfig();
        config["chatModel"] = "azure-drafter@1";

        var (_, draft) = await h.RunAsync(config, "run-azure");

        Assert.Equal("ok", draft.Port);
        Assert.Equal(2m, draft.Cost);
        var path = Assert.Single(h.Server.Paths);
        Assert.StartsWith("/v1/openai/deployments/resolution-deployment/chat/completions", path, StringComparison.Ordinal);
        Assert.Contains("api-version=", path, StringComparison.Ordinal);
        Assert.Equal("test-secret-value-never-in-traces|", Assert.Single(h.Server.KeyHeaders));
        Assert.Equal("json_schema", Assert.Single(h.Server.Requests)["response_format"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("test-secret-value", draft.Data!.ToJsonString() + draft.Output!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LogprobsBelowThreshold_FollowsLowConfidenceFromTokenProbability()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.ReplyWithLogprobs("""{"resolution":"Refund.","confidence":0.99}""", tokenProbability: 0.3));

        var (_, draft) = await h.RunAsync(LogprobConfig(), "run-logprob-low");

        Assert.Equal("low-confidence", draft.Port);
        Assert.Equal(0.3, draft.Output!["confidence"]!.GetValue<double>(), 6);
        Assert.Equal("logprobs", draft.Data!["llm"]!["confidenceSource"]!.GetValue<string>());
        var request = Assert.Single(h.Server.Requests);
        Assert.True(request["logprobs"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_LogprobsAboveThreshold_FollowsOk()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.ReplyWithLogprobs(Good, tokenProbability: 0.95));

        var (_, draft) = await h.RunAsync(LogprobConfig(), "run-logprob-high");

        Assert.Equal("ok", draft.Port);
        Assert.Equal(0.95, draft.Output!["confidence"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task Run_LogprobsRequestedButNotReturned_FollowsLowConfidenceAndSaysWhy()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply(Good));

        var (_, draft) = await h.RunAsync(LogprobConfig(), "run-logprob-missing");

        Assert.Equal("low-confidence", draft.Port);
        Assert.Contains("log-probabilities", draft.Data!["llm"]!["confidenceSource"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LogprobsNotOptedIn_DoesNotRequestThem()
    {
        await using var h = await ChatNodeHarness.StartAsync();
        h.Server.Then(ScriptedChatServer.Reply(Good));

        var (_, draft) = await h.RunAsync(ChatNodeHarness.DraftConfig(), "run-no-logprobs");

        Assert.Equal("ok", draft.Port);
        Assert.Null(Assert.Single(h.Server.Requests)["logprobs"]);
    }

    // The confidence comes from the tokens, not a self-reported field (a model rarely doubts itself in words).
    private static System.Text.Json.Nodes.JsonObject LogprobConfig()
    {
        var config = ChatNodeHarness.DraftConfig();
        config.Remove("confidenceField");
        config["confidenceFromLogprobs"] = true;
        config["minConfidence"] = 0.5;
        return config;
    }
}
