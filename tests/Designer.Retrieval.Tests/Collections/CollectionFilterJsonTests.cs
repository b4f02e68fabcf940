using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Tests.Collections;

public sealed class CollectionFilterJsonTests
{
    [Fact]
    public void Parse_Shorthand_EqualsInAndRange()
    {
        // Arrange
        var json = JsonNode.Parse("""{"category":"fraud","currency":["EUR","GBP"],"amount":{"gte":100,"lt":500}}""")!.AsObject();
        var problems = new List<string>();

        // Act
        var filter = CollectionFilterJson.Parse(json, problems);

        // Assert
        Assert.Empty(problems);
        var and = Assert.IsType<AndFilter>(filter);
        Assert.Equal("fraud", Assert.IsType<EqualsFilter>(and.Must[0]).Value.GetValue<string>());
        Assert.Equal(2, Assert.IsType<InFilter>(and.Must[1]).Values.Count);
        var range = Assert.IsType<RangeFilter>(and.Must[2]);
        Assert.Equal((100d, 500d), (range.Gte!.Value, range.Lt!.Value));
    }

    [Fact]
    public void Parse_QdrantShape_SameMeaning()
    {
        // Arrange
        var json = JsonNode.Parse("""{"must":[{"key":"category","match":{"value":"fraud"}},{"key":"n","match":{"any":[1,2]}},{"key":"amount","range":{"gt":1}}]}""")!.AsObject();
        var problems = new List<string>();

        // Act
        var filter = CollectionFilterJson.Parse(json, problems);

        // Assert
        Assert.Empty(problems);
        Assert.Equal(3, Assert.IsType<AndFilter>(filter).Must.Count);
    }

    [Fact]
    public void Parse_Matches_FilterEvaluatorAgrees()
    {
        // Arrange
        var filter = CollectionFilterJson.Parse(JsonNode.Parse("""{"category":"fraud","amount":{"gte":100}}""")!.AsObject(), [])!;

        // Act
        var matches = PayloadFilterEvaluator.Matches(filter, new JsonObject { ["category"] = "fraud", ["amount"] = 150 });
        var misses = PayloadFilterEvaluator.Matches(filter, new JsonObject { ["category"] = "fraud", ["amount"] = 50 });

        // Assert
        Assert.True(matches);
        Assert.False(misses);
    }

    [Fact]
    public void Parse_EveryBadCondition_Reported()
    {
        // Arrange
        var json = JsonNode.Parse("""{"a":1.5,"b":[],"c":{"near":3},"d":null,"e":[1,"x"]}""")!.AsObject();
        var problems = new List<string>();

        // Act
        var filter = CollectionFilterJson.Parse(json, problems);

        // Assert
        Assert.Null(filter);
        Assert.Equal(["filter.a", "filter.b", "filter.c", "filter.d", "filter.e"], problems.Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void Parse_EmptyOrNull_NoFilter()
    {
        Assert.Null(CollectionFilterJson.Parse(null, []));
        Assert.Null(CollectionFilterJson.Parse([], []));
    }
}
