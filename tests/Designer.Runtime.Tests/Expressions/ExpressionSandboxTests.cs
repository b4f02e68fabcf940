using System.Text.Json.Nodes;
using Designer.Runtime.Expressions;

namespace Designer.Runtime.Tests.Expressions;

public sealed class ExpressionSandboxTests
{
    // Limits other than time are what these tests exercise; a generous clock keeps a loaded CI machine from
    // tripping the 50 ms time limit first. The time limit has its own test with the default options.
    private static readonly ExpressionSandbox Sandbox = new(new ExpressionOptions { TimeLimit = TimeSpan.FromSeconds(30) });

    private static JsonObject Variables() => new()
    {
        ["input"] = new JsonObject { ["amount"] = 6200, ["category"] = "fraud", ["description"] = "Card stolen" },
        ["nodes"] = new JsonObject { ["risk"] = new JsonObject { ["score"] = 0.82 } },
    };

    [Theory]
    [InlineData("input.amount > 5000", true)]
    [InlineData("input.category === 'fraud' && nodes.risk.score > 0.7", true)]
    [InlineData("nodes.risk.score < 0.5", false)]
    [InlineData("input.missing ?? false", false)]
    public void EvaluateBoolean_BusinessRule_ReturnsTruthiness(string rule, bool expected)
    {
        var result = Sandbox.EvaluateBoolean(rule, Variables());

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Evaluate_ObjectResult_ReturnsJson()
    {
        var result = Sandbox.Evaluate("({ a: input.amount * 2, tags: [input.category] })", Variables());

        Assert.Equal("""{"a":12400,"tags":["fraud"]}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_InfiniteLoop_FaultsWithTimeLimitOrStatementMessage()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("(() => { while (true) { } })()", Variables()));

        Assert.Equal(ExpressionErrorKind.Statements, ex.Kind);
        Assert.Contains("exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InfiniteLoopWithStatementLimitLifted_FaultsWithTimeLimitMessage()
    {
        var sandbox = new ExpressionSandbox(new ExpressionOptions { MaxStatements = int.MaxValue });

        var ex = Assert.Throws<ExpressionException>(() => sandbox.Evaluate("(() => { while (true) { } })()", Variables()));

        Assert.Equal(ExpressionErrorKind.Timeout, ex.Kind);
        Assert.StartsWith("expression exceeded its 50 ms time limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HugeAllocation_FaultsWithMemoryMessage()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("'x'.repeat(1000).repeat(20000).length", Variables()));

        Assert.Equal(ExpressionErrorKind.Memory, ex.Kind);
        Assert.StartsWith("expression exceeded its 4 MB memory limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HugeArray_Faults()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("new Array(100000000).fill(1).length", Variables()));

        Assert.NotEqual(ExpressionErrorKind.Syntax, ex.Kind);
    }

    [Fact]
    public void Evaluate_DeepRecursion_FaultsWithRecursionMessage()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("(function f(n) { return f(n + 1); })(0)", Variables()));

        Assert.Equal(ExpressionErrorKind.Recursion, ex.Kind);
        Assert.StartsWith("expression exceeded its recursion limit of 64 calls", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System")]
    [InlineData("host.typeOf")]
    public void Evaluate_ClrAccess_IsNotReachable(string expression)
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate(expression, Variables()));

        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.Contains("ReferenceError", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StringCompilation_IsRefused()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("eval('1 + 1')", Variables()));

        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
    }

    [Fact]
    public void Evaluate_SyntaxError_ReportsLineAndColumn()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("input.amount >", Variables()));

        Assert.Equal(ExpressionErrorKind.Syntax, ex.Kind);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RuntimeError_ReportsTheJavaScriptError()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("input.nothing.deeper", Variables()));

        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.Contains("TypeError", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StrictMode_RejectsUndeclaredAssignment()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Evaluate("(() => { leaked = 1; return leaked; })()", Variables()));

        Assert.Contains("ReferenceError", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MutationOfVariables_DoesNotLeakIntoNextEvaluation()
    {
        var variables = Variables();
        Sandbox.Evaluate("(() => { input.amount = 1; return input.amount; })()", variables);

        var result = Sandbox.Evaluate("input.amount", variables);

        Assert.Equal(6200, result!.GetValue<double>());
    }

    [Fact]
    public void Render_Placeholders_AreEvaluatedOverVariables()
    {
        var text = Sandbox.Render("Review the {{input.category}} dispute of {{ input.amount }} ({{nodes.risk}}){{input.none}}.", Variables());

        Assert.Equal("""Review the fraud dispute of 6200 ({"score":0.82}).""", text);
    }

    [Fact]
    public void Render_UnclosedPlaceholder_FaultsWithSyntaxKind()
    {
        var ex = Assert.Throws<ExpressionException>(() => Sandbox.Render("Hello {{input.category", Variables()));

        Assert.Equal(ExpressionErrorKind.Syntax, ex.Kind);
    }
}
