using Designer.Runtime.Compilation;
using Designer.Runtime.Expressions;
using Designer.Runtime.Tests.Fakes;
using Designer.Workflows.Demo;

namespace Designer.Runtime.Tests.Compilation;

public sealed class WorkflowCompilerTests
{
    [Fact]
    public void Compile_SameHashTwice_ReturnsCachedInstance()
    {
        var fixture = new RuntimeFixture();

        var first = fixture.CompileDemo();
        var second = fixture.CompileDemo();

        Assert.Same(first, second);
        Assert.Equal(1, fixture.Compiler.CachedCount);
    }

    [Fact]
    public void Compile_DifferentHash_CompilesAgain()
    {
        var fixture = new RuntimeFixture();

        var first = fixture.Compiler.Compile(DemoWorkflows.DisputeTriage(), "sha256:a");
        var second = fixture.Compiler.Compile(DemoWorkflows.DisputeTriage(), "sha256:b");

        Assert.NotSame(first, second);
        Assert.Equal(2, fixture.Compiler.CachedCount);
    }

    [Fact]
    public void Compile_DemoWorkflow_HasOneGateAndPiiRedaction()
    {
        var compiled = new RuntimeFixture().CompileDemo();

        Assert.Equal(["review"], compiled.GateNodeIds);
        Assert.Equal("start", compiled.StartNodeId);
        Assert.True(compiled.Redaction.DetectPii);
    }

    [Fact]
    public void Compile_ModelNodeWithoutInferenceClient_ThrowsAndDoesNotCache()
    {
        var compiler = new WorkflowCompiler(new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = new RecordingTraceSink(),
            Time = TimeProvider.System,
            VectorSearch = new ScriptedVectorSearch(),
        });

        var ex = Assert.Throws<WorkflowCompilationException>(() => compiler.Compile(DemoWorkflows.DisputeTriage(), "sha256:x"));

        Assert.Contains("node 'risk': model nodes need an IInferenceClient", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, compiler.CachedCount);
    }

    [Fact]
    public void Compile_InvalidDefinition_ListsValidationProblems()
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Edges.RemoveAll(e => e.To.Node == "auto");

        var ex = Assert.Throws<WorkflowCompilationException>(() => new RuntimeFixture().Compile(definition));

        Assert.NotEmpty(ex.Problems);
    }
}
