using System.Text.Json.Nodes;
using Designer.Runtime.Actions;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Tests.Fakes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Tests.Actions;

/// <summary>The real engine (compiler, runner) with action connections wired through the production registration.</summary>
internal sealed class ActionHarness : IDisposable
{
    public const string Secret = "sk-live-7f3e9c1b-never-in-trace";

    private readonly ServiceProvider _provider;

    public ActionHarness(ActionOptions options, InMemoryRunCheckpointStore? checkpoints = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOptions<ActionOptions>>(Options.Create(options));
        ActionServices.AddActionConnections(services, options);
        _provider = services.BuildServiceProvider();
        Checkpoints = checkpoints ?? new InMemoryRunCheckpointStore();
        Services = new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = Trace,
            Time = TimeProvider.System,
            Actions = _provider.GetRequiredService<ActionRuntime>(),
        };
        Compiler = new WorkflowCompiler(Services);
        Runner = new WorkflowRunner(Checkpoints, TimeProvider.System);
    }

    public RecordingTraceSink Trace { get; } = new();

    public InMemoryRunCheckpointStore Checkpoints { get; }

    public RuntimeServices Services { get; }

    public WorkflowCompiler Compiler { get; }

    public WorkflowRunner Runner { get; }

    /// <summary>A connection to <paramref name="receiver"/> under <c>/api/v1</c> with a bearer secret and quick retries.</summary>
    public static ActionOptions Connection(ActionReceiver receiver, int retries = 2, TimeSpan? timeout = null) => new()
    {
        Connections =
        {
            ["payments"] = new ActionConnectionOptions
            {
                BaseUrl = receiver.Address + "/api/v1/",
                BearerSecret = Secret,
                Retries = retries,
                RetryDelay = TimeSpan.FromMilliseconds(5),
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            },
        },
    };

    /// <summary>start → refund (action) → one end per port, so the end node names the port taken.</summary>
    public static WorkflowDefinition Workflow(JsonObject actionConfig) => new()
    {
        Name = "Refund",
        Nodes =
        [
            Node("start", NodeKinds.Start, []),
            Node("refund", NodeKinds.Action, actionConfig),
            Node("done", NodeKinds.End, new JsonObject { ["outputMapping"] = new JsonObject { ["refundId"] = "nodes.refund.mapped.refundId", ["status"] = "nodes.refund.status" } }),
            Node("rejected", NodeKinds.End, []),
            Node("failed", NodeKinds.End, []),
            Node("late", NodeKinds.End, []),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "refund"),
            Edge("e2", "refund", "ok", "done"),
            Edge("e3", "refund", "client-error", "rejected"),
            Edge("e4", "refund", "server-error", "failed"),
            Edge("e5", "refund", "timeout", "late"),
        ],
    };

    public static JsonObject RefundConfig(string method = "POST") => new()
    {
        ["method"] = method,
        ["connection"] = "payments",
        ["pathTemplate"] = "refunds/{{input.caseId}}",
        ["headers"] = new JsonObject { ["X-Case"] = "case {{input.caseId}}" },
        ["bodyTemplate"] = """{"caseId":"{{input.caseId}}","amount":{{input.amount}}}""",
        ["responseMapping"] = new JsonObject { ["refundId"] = "response.body.id" },
    };

    public static JsonObject Input(string caseId = "C-42") => new() { ["caseId"] = caseId, ["amount"] = 12.5 };

    public CompiledWorkflow Compile(WorkflowDefinition definition) => Compiler.Compile(definition, ContentHash.Compute(definition));

    public void Dispose() => _provider.Dispose();

    private static NodeDefinition Node(string id, string kind, JsonObject config) =>
        new() { Id = id, Kind = kind, Name = id, Position = new NodePosition(0, 0), Config = config };

    private static EdgeDefinition Edge(string id, string from, string port, string to) =>
        new() { Id = id, From = new PortRef(from, port), To = new PortRef(to, NodeKinds.InputPort) };
}
