using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Runtime.ChatModels;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Tests.Fakes;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Runtime.Tests.ChatModels;

/// <summary>
/// A scripted chat server, a chat-model registry with approved versions pointing at it, the real SK gateway with
/// its resilience pipeline, and a one-node workflow whose every port ends in its own End node.
/// </summary>
internal sealed class ChatNodeHarness : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "designer-chat-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _provider;

    private ChatNodeHarness(ScriptedChatServer server) => Server = server;

    public ScriptedChatServer Server { get; }

    public IChatModelRegistry Registry { get; private set; } = null!;

    public RecordingTraceSink Trace { get; } = new();

    public RecordingChatAudit Audit { get; } = new();

    public WorkflowRunner Runner { get; } = new(new InMemoryRunCheckpointStore(), TimeProvider.System);

    public WorkflowCompiler Compiler { get; private set; } = null!;

    public static async Task<ChatNodeHarness> StartAsync(bool approve = true, int maxResponseBytes = 1_048_576)
    {
        var server = await ScriptedChatServer.StartAsync(TestContext.Current.CancellationToken);
        var harness = new ChatNodeHarness(server);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:ChatModels:AllowedEndpoints:0"] = server.Endpoint,
            ["Designer:ChatModels:Secrets:TestKey"] = "test-secret-value-never-in-traces",
            ["Designer:ChatModels:MaxRetries"] = "2",
            ["Designer:ChatModels:RetryBaseDelayMs"] = "20",
            ["Designer:ChatModels:MaxRetryDelayMs"] = "3000",
            ["Designer:ChatModels:AttemptTimeoutMs"] = "10000",
            ["Designer:ChatModels:MaxResponseBytes"] = maxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        ChatModelServices.AddChatModels(services, configuration, _ => harness._directory);
        harness._provider = services.BuildServiceProvider();
        harness.Registry = harness._provider.GetRequiredService<IChatModelRegistry>();
        foreach (var name in new[] { "drafter", "backup" })
        {
            var version = await harness.Registry.RegisterAsync(
                new ChatModelRegistration
                {
                    Id = name,
                    Provider = ChatProviderKinds.OpenAiCompatible,
                    Endpoint = server.Endpoint,
                    ModelName = name + "-model",
                    InputPricePer1K = 0.5m,
                    OutputPricePer1K = 1.5m,
                    MaxOutputTokens = 200,
                    ApiKeySecret = "TestKey",
                    RegisteredBy = "author-1",
                },
                TestContext.Current.CancellationToken);
            if (approve)
            {
                await harness.Registry.SetStatusAsync(version.Id, version.Version, ModelStatus.Approved, "approver-1", TestContext.Current.CancellationToken);
            }
        }

        harness.Compiler = new WorkflowCompiler(new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = harness.Trace,
            Time = TimeProvider.System,
            Chat = new ChatRuntime
            {
                Registry = harness.Registry,
                Gateway = harness._provider.GetRequiredService<IChatModelGateway>(),
                Cache = new ChatResponseCache(16),
                Audit = harness.Audit,
            },
        });
        return harness;
    }

    /// <summary>The draft node's config: a resolution schema with a confidence field, redaction of the customer's name.</summary>
    public static JsonObject DraftConfig() => new()
    {
        ["chatModel"] = "drafter@1",
        ["systemPrompt"] = "You draft resolutions for card disputes.",
        ["promptTemplate"] = "Customer {{input.customer}} writes: {{input.description}}",
        ["outputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("resolution", "confidence"),
            ["properties"] = new JsonObject
            {
                ["resolution"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
        },
        ["confidenceField"] = "confidence",
        ["minConfidence"] = 0.5,
        ["redactFields"] = new JsonArray("input.customer"),
    };

    public static JsonObject Input() => new()
    {
        ["customer"] = "Jane Doe",
        ["description"] = "I never got the parcel. Call +44 20 7946 0958 or mail jane.doe@example.com.",
    };

    public async Task<(RunResult Result, TraceEvent Draft)> RunAsync(JsonObject config, string runId)
    {
        var definition = Workflow(config);
        var compiled = Compiler.Compile(definition, ContentHash.Compute(definition));
        var result = await Runner.StartAsync(compiled, runId, Input(), TestContext.Current.CancellationToken);
        var draft = Assert.Single(Trace.For(runId), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "draft");
        return (result, draft);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not matter.
        }
    }

    private static WorkflowDefinition Workflow(JsonObject config)
    {
        string[] ports = ["ok", "invalid", "low-confidence", "degraded", "error"];
        var nodes = new List<NodeDefinition>
        {
            new() { Id = "start", Kind = NodeKinds.Start, Name = "Start", Position = new NodePosition(0, 0), Config = [] },
            new() { Id = "draft", Kind = NodeKinds.Model, Name = "Draft resolution", Position = new NodePosition(200, 0), Config = config },
        };
        var edges = new List<EdgeDefinition>
        {
            new() { Id = "e0", From = new PortRef("start", "next"), To = new PortRef("draft", NodeKinds.InputPort) },
        };
        foreach (var (port, i) in ports.Select((p, i) => (p, i)))
        {
            nodes.Add(new() { Id = "end-" + port, Kind = NodeKinds.End, Name = port, Position = new NodePosition(400, i * 100), Config = [] });
            edges.Add(new() { Id = "e" + (i + 1), From = new PortRef("draft", port), To = new PortRef("end-" + port, NodeKinds.InputPort) });
        }

        return new WorkflowDefinition { Name = "Chat node", Nodes = nodes, Edges = edges };
    }
}
