using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;

namespace Designer.Workflows.Tests.Serialization;

public sealed class CanonicalJsonTests
{
    // Set DESIGNER_UPDATE_GOLDEN=1 to rewrite the golden files after an intentional format change.
    private static readonly bool UpdateGolden = Environment.GetEnvironmentVariable("DESIGNER_UPDATE_GOLDEN") == "1";

    [Fact]
    public void Serialize_GoldenSample_MatchesGoldenCanonicalJson()
    {
        // Arrange
        var definition = LoadSample();

        // Act
        var canonical = CanonicalJson.Serialize(definition);

        // Assert
        Assert.Equal(ReadGolden("sample.canonical.json", canonical), canonical);
    }

    [Fact]
    public void Compute_GoldenSample_MatchesGoldenHash()
    {
        // Arrange
        var definition = LoadSample();

        // Act
        var hash = ContentHash.Compute(definition);

        // Assert
        Assert.Equal(ReadGolden("sample.sha256", hash), hash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Compute_ShuffledNodesEdgesAndKeys_GivesSameHash()
    {
        // Arrange
        var original = DemoWorkflows.DisputeTriage();
        var shuffled = DemoWorkflows.DisputeTriage();
        var random = new Random(7);
        shuffled.Nodes = [.. shuffled.Nodes.OrderBy(_ => random.Next())];
        shuffled.Edges = [.. shuffled.Edges.OrderBy(_ => random.Next())];
        foreach (var node in shuffled.Nodes)
        {
            node.Config = ReverseKeys(node.Config);
        }

        // Act
        var before = ContentHash.Compute(original);
        var after = ContentHash.Compute(shuffled);

        // Assert
        Assert.Equal(before, after);
    }

    [Fact]
    public void Compute_ConfigValueChanged_GivesDifferentHash()
    {
        // Arrange
        var changed = DemoWorkflows.DisputeTriage();
        changed.Nodes.Single(n => n.Id == "risk").Config["minConfidence"] = 0.61;

        // Act / Assert
        Assert.NotEqual(ContentHash.Compute(DemoWorkflows.DisputeTriage()), ContentHash.Compute(changed));
    }

    [Fact]
    public void Serialize_EquivalentNumberSpellings_AreCanonicalisedAlike()
    {
        // Arrange
        var spellings = new[] { "1", "1.0", "1e0", "10E-1" };

        // Act
        var canonical = spellings.Select(s => CanonicalJson.Serialize(JsonNode.Parse($"{{\"n\":{s}}}"))).Distinct();

        // Assert
        Assert.Equal(["{\"n\":1}"], canonical);
    }

    private static WorkflowDefinition LoadSample()
    {
        var result = WorkflowJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "sample.workflow.json")));
        Assert.True(result.IsWellFormed, string.Join("\n", result.Problems));
        return result.Definition!;
    }

    private static string ReadGolden(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        if (UpdateGolden)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Golden", name), actual);
            return actual;
        }

        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));
    }

    private static JsonObject ReverseKeys(JsonObject source)
    {
        var reversed = new JsonObject();
        foreach (var (key, value) in source.Reverse())
        {
            reversed[key] = value is JsonObject child ? ReverseKeys(child) : value?.DeepClone();
        }

        return reversed;
    }
}
