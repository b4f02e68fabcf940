using System.Diagnostics;
using System.Text.Json.Nodes;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Tracing;
using Designer.Workflows.Demo;

namespace Designer.Runtime.Tests.Expressions;

/// <summary>Issue 14 item 4: hostile expressions are stopped by the time and memory limits before they do harm.</summary>
public sealed class Issue14ExpressionBoundsTests
{
    // A generous clock so only the limit under test can trip; the regex test sets its own.
    private static readonly ExpressionSandbox Sandbox = new(new ExpressionOptions { TimeLimit = TimeSpan.FromSeconds(30) });

    private static JsonObject Variables() => new() { ["input"] = new JsonObject { ["text"] = "aaaa" } };

    [Fact]
    public void Evaluate_Issue14_CatastrophicRegex_StopsWithinTheTimeLimit()
    {
        var sandbox = new ExpressionSandbox(new ExpressionOptions { TimeLimit = TimeSpan.FromMilliseconds(200) });
        var watch = Stopwatch.StartNew();

        var ex = Assert.Throws<ExpressionException>(() =>
            sandbox.Evaluate("/^(a+)+$/.test('a'.repeat(40) + '!')", Variables()));

        watch.Stop();
        Assert.Equal(ExpressionErrorKind.Timeout, ex.Kind);
        // Jint's own default regex timeout is 10 s; the expression's 200 ms budget must bound it (slack for a loaded CI machine).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("'x'.repeat(1e9).length")]
    [InlineData("'x'.padStart(5e8, 'y').length")]
    [InlineData("'x'.padEnd(5e8).length")]
    [InlineData("new Array(90000).fill('x'.repeat(10000)).join('').length")]
    [InlineData("JSON.parse('[' + '1,'.repeat(1000000) + '1]').length")]
    public void Evaluate_Issue14_AllocationBomb_StoppedBeforeItAllocates(string bomb)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate(bomb, Variables()));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ExpressionErrorKind.Memory, ex.Kind);
        Assert.StartsWith("expression exceeded its 4 MB memory limit", ex.Message, StringComparison.Ordinal);
        // The limit is 4 MB; the bomb would take hundreds of MB. 64 MB leaves room for the engine itself.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void Evaluate_Issue14_ReplacedPrototypes_DoNotDisableTheGuard()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate(
            "(() => { Function.prototype.call = () => 0; Reflect.apply = () => 0; return 'x'.repeat(1e9).length; })()",
            Variables()));

        Assert.Equal(ExpressionErrorKind.Memory, ex.Kind);
    }

    [Theory]
    [InlineData("'ab'.repeat(3)", "\"ababab\"")]
    [InlineData("'7'.padStart(3, '0')", "\"007\"")]
    [InlineData("['a', 1, null, 'b'].join('-')", "\"a-1--b\"")]
    [InlineData("JSON.parse('{\"a\":[1,2]}').a[1]", "2")]
    public void Evaluate_Issue14_GuardedBuiltIns_KeepTheirResults(string expression, string expected)
    {
        var result = Sandbox.Evaluate(expression, Variables());

        Assert.Equal(expected, result!.ToJsonString());
    }

    [Fact]
    public async Task StartAsync_Issue14_AllocationBombInPolicyRule_FailsNamingTheNode()
    {
        var fixture = new RuntimeFixture();
        var definition = DemoWorkflows.DisputeTriage();
        var policy = definition.Nodes.Single(n => n.Id == "policy");
        policy.Config["rules"]!.AsArray().Insert(0, new JsonObject
        {
            ["id"] = "bomb",
            ["name"] = "Allocates a gigabyte",
            ["expression"] = "'x'.repeat(1e9).length > 0",
            ["verdict"] = "block",
        });

        var result = await fixture.Runner.StartAsync(fixture.Compile(definition), "run-bomb", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("Node 'policy' failed: rule 'bomb': expression exceeded its 4 MB memory limit", result.Error, StringComparison.Ordinal);
        var failed = Assert.Single(fixture.Trace.For("run-bomb"), e => e.Kind == TraceEventKinds.NodeFailed);
        Assert.Equal("policy", failed.NodeId);
    }
}
