using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Catalogue;

public sealed class NodeKindCatalogueTests
{
    private readonly NodeKindCatalogue _catalogue = NodeKindCatalogue.Default;

    [Theory]
    [InlineData("start", "next")]
    [InlineData("retrieval", "found,empty")]
    [InlineData("model", "ok,low-confidence,degraded,error,invalid")]
    [InlineData("policy", "pass,review,block")]
    [InlineData("humanGate", "approved,rejected,timeout")]
    [InlineData("end", "")]
    public void OutputPorts_StaticKind_ReturnsDeclaredPorts(string kind, string ports)
    {
        // Arrange
        var node = Node("n", kind);

        // Act
        var actual = _catalogue.OutputPorts(node);

        // Assert
        Assert.Equal(ports, string.Join(",", actual));
    }

    [Fact]
    public void Kinds_Default_ListsEightKindsWithInputPortInExceptStart()
    {
        // Arrange / Act
        var kinds = _catalogue.Kinds;

        // Assert
        Assert.Equal(["start", "retrieval", "model", "policy", "humanGate", "condition", "end", "action"], kinds.Select(k => k.Kind));
        Assert.Empty(kinds[0].InputPorts);
        Assert.All(kinds.Skip(1), k => Assert.Equal("in", Assert.Single(k.InputPorts).Id));
        Assert.All(kinds, k => Assert.False(string.IsNullOrEmpty(k.Icon + k.Group + k.DisplayName)));
    }

    [Fact]
    public void OutputPorts_ConditionWithExpression_ReturnsTrueAndElse()
    {
        // Arrange
        var node = Node("c", "condition", new() { ["expression"] = "input.amount > 10" });

        // Act
        var ports = _catalogue.OutputPorts(node);

        // Assert
        Assert.Equal(["true", "else"], ports);
    }

    [Fact]
    public void OutputPorts_ConditionWithCases_ReturnsCasePortsThenElse()
    {
        // Arrange
        var cases = new JsonArray(
            new JsonObject { ["port"] = "small", ["expression"] = "input.amount < 10" },
            new JsonObject { ["port"] = "large", ["expression"] = "input.amount >= 10" });
        var node = Node("c", "condition", new() { ["cases"] = cases });

        // Act
        var ports = _catalogue.OutputPorts(node);

        // Assert
        Assert.Equal(["small", "large", "else"], ports);
    }

    [Fact]
    public void OutputPorts_ConditionWithMalformedConfig_DoesNotThrow()
    {
        // Arrange
        var node = Node("c", "condition", new() { ["cases"] = "not an array" });

        // Act
        var ports = _catalogue.OutputPorts(node);

        // Assert
        Assert.Equal(["true", "else"], ports);
    }

    [Fact]
    public void TryGet_UnknownKind_ReturnsFalse()
    {
        // Arrange / Act
        var found = _catalogue.TryGet("webhook", out var descriptor);

        // Assert
        Assert.False(found);
        Assert.Null(descriptor);
    }

    [Fact]
    public void Fields_EveryKind_MatchTypedConfigProperties()
    {
        // Arrange / Act / Assert: the palette may not advertise a field the typed config cannot hold.
        foreach (var kind in _catalogue.Kinds)
        {
            var properties = kind.ConfigType.GetProperties().Select(p => JsonNamingPolicyName(p.Name)).ToHashSet();
            Assert.All(kind.Fields, f => Assert.Contains(f.Name, properties));
            Assert.Equal(properties.Order(), kind.Fields.Select(f => f.Name).Order());
        }
    }

    [Fact]
    public void TryRead_RetrievalDefaults_AppliesCatalogueDefaults()
    {
        // Arrange
        var config = new JsonObject { ["collection"] = "c", ["queryTemplate"] = "{{q}}" };

        // Act
        var ok = NodeConfigReader.TryRead<RetrievalConfig>(config, out var retrieval, out _, out _);

        // Assert
        Assert.True(ok);
        Assert.Equal((5, "hybrid"), (retrieval!.TopK, retrieval.Mode));
    }

    private static string JsonNamingPolicyName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
