using System.Text.Json.Nodes;
using Designer.Runtime.Evaluations;
using Designer.Web.Evaluations;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Evaluations;

/// <summary>Issue 13: the judge, the metrics and the CSV reader, without a host.</summary>
public sealed class Issue13ScoringTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(1, 100, 0.0018, 0.0545)]
    public void Wilson_KnownCounts_MatchesPublishedInterval(int wrong, int automated, double low, double high)
    {
        // Act
        var (l, h) = SideMetrics.Wilson(wrong, automated);

        // Assert
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Matches_EscalatedAtGate_MatchesOnlyEndsReachableFromTheGate()
    {
        // Arrange
        var judge = new CaseJudge(RunApiFixture.GateWorkflow());
        var escalated = Result(ShadowOutcomes.Escalated, gate: "review");

        // Act + Assert
        Assert.True(judge.Matches(escalated, new ExpectedOutcome("analyst", null)));
        Assert.False(judge.Matches(escalated, new ExpectedOutcome("auto", null)));
        Assert.False(judge.Matches(escalated, new ExpectedOutcome(null, new JsonObject { ["decision"] = "approve" })));
    }

    [Fact]
    public void Matches_AutomatedWithOutputFields_ComparesEndAndEveryField()
    {
        // Arrange
        var judge = new CaseJudge(RunApiFixture.GateWorkflow());
        var automated = Result(ShadowOutcomes.Automated, end: "auto", output: new JsonObject { ["x"] = 1, ["y"] = "a" });

        // Act + Assert
        Assert.True(judge.Matches(automated, new ExpectedOutcome("auto", new JsonObject { ["x"] = 1 })));
        Assert.False(judge.Matches(automated, new ExpectedOutcome("auto", new JsonObject { ["x"] = 2 })));
        Assert.False(judge.Matches(automated, new ExpectedOutcome("blocked", null)));
        Assert.False(judge.Matches(Result(ShadowOutcomes.Failed), new ExpectedOutcome("auto", null)));
    }

    [Fact]
    public void From_MixedResults_RatesOverCasesWrongRateOverAutomated()
    {
        // Arrange
        List<(ShadowResult, bool)> results =
        [
            (Result(ShadowOutcomes.Automated, end: "auto", latency: 10, cost: 0.2m), true),
            (Result(ShadowOutcomes.Automated, end: "auto", latency: 20, cost: 0.4m), false),
            (Result(ShadowOutcomes.Escalated, gate: "review", latency: 30, degraded: true), true),
            (Result(ShadowOutcomes.Failed, latency: 1000), false),
        ];

        // Act
        var metrics = SideMetrics.From(results);

        // Assert
        Assert.Equal(0.5, metrics.AutomationRate);
        Assert.Equal(0.25, metrics.EscalationRate);
        Assert.Equal(0.25, metrics.DegradedRate);
        Assert.Equal(0.5, metrics.WrongAutomaticRate);
        Assert.Equal(0.3m, metrics.CostPerAutomatedTask);
        Assert.Equal(20, metrics.P50LatencyMs);
        Assert.Equal(30, metrics.P95LatencyMs);
    }

    [Fact]
    public void Read_CsvWithQuotesTagsAndTypes_TypedCasesAndEveryBadRowListed()
    {
        // Arrange
        var schema = RunApiFixture.GateWorkflow().Nodes.Single(n => n.Id == "start").Config["inputSchema"]!.AsObject();
        const string csv = "amount,currency,category,merchant,description,expected_end,tags\n"
            + "42.5,EUR,quality,Maple Books,\"Torn cover, \"\"bad\"\"\",auto,critical;books\n"
            + "abc,EUR,quality,Maple Books,x,auto,\n"
            + "1,EUR,quality,Maple Books,x,,\n"
            + "1,EUR\n";
        var problems = new List<ValidationProblem>();

        // Act
        var cases = CsvCases.Read(csv, schema, problems);

        // Assert
        var first = cases[0];
        Assert.Equal(42.5, first.Input["amount"]!.GetValue<double>());
        Assert.Equal("Torn cover, \"bad\"", first.Input["description"]!.GetValue<string>());
        Assert.Equal(["critical", "books"], first.Tags);
        Assert.Equal("auto", first.ExpectedEnd);
        Assert.Equal(["csv row 3, column amount", "csv row 4", "csv row 5"], problems.Select(p => p.Field!));
    }

    private static ShadowResult Result(string outcome, string? end = null, string? gate = null, JsonObject? output = null, double latency = 1, decimal cost = 0, bool degraded = false) => new()
    {
        Outcome = outcome,
        EndNode = end,
        GateNode = gate,
        Output = output,
        Path = [],
        Scores = new Dictionary<string, double>(),
        LatencyMs = latency,
        Cost = cost,
        Degraded = degraded,
    };
}
