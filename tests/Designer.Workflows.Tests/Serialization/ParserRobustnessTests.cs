using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.Serialization;

public sealed class ParserRobustnessTests
{
    [Fact]
    public void Parse_ThousandHostileDocuments_NeverThrowsAndAlwaysAnswers()
    {
        // Arrange
        var documents = HostileDocuments.Generate(seed: 20261124, count: 1000).ToList();
        var validator = new WorkflowValidator();
        var (readable, unreadable) = (0, 0);

        // Act
        foreach (var document in documents)
        {
            var result = WorkflowJson.Parse(document);
            _ = result.Definition is null ? unreadable++ : readable++;

            // Assert: either problems or a definition, and whatever was read can be validated and hashed.
            Assert.True(result.Problems.Count > 0 || result.Definition is not null);
            if (result.Definition is { } definition)
            {
                _ = validator.Validate(definition);
                _ = ContentHash.Compute(definition);
            }
        }

        Assert.Equal(1000, documents.Count);
        Assert.True(readable > 100 && unreadable > 100, $"Corpus too one-sided: {readable} readable, {unreadable} not.");
    }

    [Fact]
    public void Parse_ScriptTagInName_KeepsTextAndSerializesEscaped()
    {
        // Arrange
        var json = DemoWorkflows.DisputeTriageJson().Replace("Dispute triage", "<script>alert(1)</script>", StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);
        var written = WorkflowJson.Serialize(result.Definition!);

        // Assert
        Assert.Equal("<script>alert(1)</script>", result.Definition!.Name);
        Assert.DoesNotContain("<script>", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("\ud800")]
    public void Parse_DegenerateInput_ReportsProblemWithoutDefinition(string? json)
    {
        // Arrange / Act
        var result = WorkflowJson.Parse(json);

        // Assert
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Problems);
    }
}
