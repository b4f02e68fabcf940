using System.Text.Json.Nodes;
using Designer.Web.Components.Runs;

namespace Designer.Web.Tests.RunsUi;

/// <summary>Issue 18: policy verdicts named the deciding rule by its id only.</summary>
public sealed class Issue18VerdictNamesTests
{
    [Theory]
    [InlineData("rule:fraud", "by rule “High-value fraud” (fraud)")]
    [InlineData("rule:gone", "by rule gone")]
    [InlineData("noMatch", "(no rule matched: the default verdict)")]
    public void DecidedBy_Issue18_NamesTheRuleAsTheAuthorWroteIt(string decidedBy, string expected)
    {
        // Arrange
        var rules = new JsonArray(new JsonObject { ["id"] = "fraud", ["name"] = "High-value fraud", ["expression"] = "true", ["verdict"] = "review" });
        var node = new NodeDefinition { Id = "policy", Kind = "policy", Name = "Triage policy", Config = new JsonObject { ["rules"] = rules } };

        // Act
        var text = NodeInspector.DecidedBy(node, new JsonObject { ["verdict"] = "review", ["decidedBy"] = decidedBy });

        // Assert
        Assert.Equal(expected, text);
    }
}
