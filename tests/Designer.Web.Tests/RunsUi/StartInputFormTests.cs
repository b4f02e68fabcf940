using System.Text.Json.Nodes;
using Designer.Web.Runs;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The start form generated from the Start node's input schema.</summary>
public sealed class StartInputFormTests
{
    [Fact]
    public void For_DemoStartSchema_OneFieldPerPropertyWithTypesEnumsAndRequired()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriage();

        // Act
        var form = StartInputForm.For(definition);

        // Assert
        Assert.Equal(["amount", "currency", "category", "merchant", "description", "customerTenureMonths", "merchantDisputeRate"], form.Fields.Select(f => f.Name));
        var category = form.Fields.Single(f => f.Name == "category");
        Assert.Equal(["fraud", "not-received", "duplicate", "quality", "other"], category.Options);
        Assert.True(category.Required);
        Assert.Equal("number", form.Fields.Single(f => f.Name == "amount").Type);
        Assert.False(form.Fields.Single(f => f.Name == "customerTenureMonths").Required);
    }

    [Fact]
    public void ToInput_SampleFilledIn_RoundTripsTheSampleWithTypes()
    {
        // Arrange
        var form = StartInputForm.For(DemoWorkflows.DisputeTriage());
        var sample = DemoSamples.All[1].Input;

        // Act
        form.Fill(sample);
        var input = form.ToInput(out var problems);

        // Assert
        Assert.Empty(problems);
        Assert.True(JsonNode.DeepEquals(sample, input));
    }

    [Fact]
    public void ToInput_MissingAndMistypedValues_ReportsEveryProblem()
    {
        // Arrange
        var form = StartInputForm.For(DemoWorkflows.DisputeTriage());
        form.Fill(DemoSamples.All[0].Input);
        form.Fields.Single(f => f.Name == "amount").Value = "forty";
        form.Fields.Single(f => f.Name == "merchant").Value = " ";

        // Act
        var input = form.ToInput(out var problems);

        // Assert
        Assert.Null(input);
        Assert.Equal(["Amount must be a number.", "Merchant is required."], problems);
    }

    [Fact]
    public void For_Issue18_CanonicalVersionJson_KeepsSchemaOrderAndNamesFieldsInWords()
    {
        // Arrange: a stored version's JSON has its keys sorted.
        var stored = WorkflowJson.Parse(CanonicalJson.Serialize(DemoWorkflows.DisputeTriage())).Definition!;

        // Act
        var form = StartInputForm.For(stored);

        // Assert
        Assert.Equal(["amount", "currency", "category", "merchant", "description", "customerTenureMonths", "merchantDisputeRate"], form.Fields.Select(f => f.Name));
        Assert.Equal(["Amount", "Currency", "Category", "Merchant", "Description", "Customer tenure months", "Merchant dispute rate"], form.Fields.Select(f => f.Label));
    }

    [Fact]
    public void ToPartialInput_Issue18_HalfFilledForm_GivesTheTypedValues()
    {
        // Arrange
        var form = StartInputForm.For(DemoWorkflows.DisputeTriage());
        form.Fields.Single(f => f.Name == "amount").Value = "9500";
        form.Fields.Single(f => f.Name == "merchant").Value = "Atlas";

        // Act
        var input = form.ToPartialInput();

        // Assert
        Assert.Equal("""{"amount":9500,"merchant":"Atlas"}""", input.ToJsonString());
    }
}
