using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Tests.Fakes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Runtime.Tests;

/// <summary>A compiler, runner and fakes wired together, one per test.</summary>
internal sealed class RuntimeFixture
{
    public RuntimeFixture(TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Services = new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = Trace,
            Time = Time,
            Inference = Inference,
            VectorSearch = Search,
        };
        Compiler = new WorkflowCompiler(Services);
        Runner = new WorkflowRunner(Checkpoints, Time);
    }

    public TimeProvider Time { get; }

    public RecordingTraceSink Trace { get; } = new();

    public ScriptedInferenceClient Inference { get; } = new();

    public ScriptedVectorSearch Search { get; } = new();

    public InMemoryRunCheckpointStore Checkpoints { get; } = new();

    public RuntimeServices Services { get; }

    public WorkflowCompiler Compiler { get; }

    public WorkflowRunner Runner { get; }

    public static JsonObject LowRiskInput() => new()
    {
        ["amount"] = 42.5,
        ["currency"] = "EUR",
        ["category"] = "quality",
        ["merchant"] = "Maple Books",
        ["description"] = "The book arrived with a torn cover.",
        ["customerTenureMonths"] = 60,
    };

    public static JsonObject HighRiskInput() => new()
    {
        ["amount"] = 6200,
        ["currency"] = "EUR",
        ["category"] = "fraud",
        ["merchant"] = "Atlas Electronics",
        ["description"] = "I never made this purchase, my card was stolen. Call me on +44 20 7946 0958 or mail jane.doe@example.com.",
        ["customerTenureMonths"] = 3,
    };

    public CompiledWorkflow CompileDemo() => Compile(DemoWorkflows.DisputeTriage());

    public CompiledWorkflow Compile(WorkflowDefinition definition) => Compiler.Compile(definition, ContentHash.Compute(definition));
}
