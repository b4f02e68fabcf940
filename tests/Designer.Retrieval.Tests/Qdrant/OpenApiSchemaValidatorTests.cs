using System.Text.Json.Nodes;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>The validator must reject what Qdrant would reject, or the contract tests prove nothing.</summary>
public sealed class OpenApiSchemaValidatorTests
{
    [Theory]
    [InlineData("""{"vectors":{"size":4,"distance":"cosine"}}""", "not one of")]
    [InlineData("""{"vectors":{"distance":"Cosine"}}""", "missing required property 'size'")]
    [InlineData("""{"vectors":{"size":4,"distance":"Cosine"},"vector":{}}""", "unknown property 'vector'")]
    [InlineData("""{"vectors":{"size":"4","distance":"Cosine"}}""", "expected integer")]
    public void Validate_InvalidCreateCollectionBody_ReportsError(string body, string expected)
    {
        var schema = QdrantSchema.Require();

        var errors = schema.Validate(JsonNode.Parse(body), schema.RequestSchema("PUT", "/collections/docs"));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) || e.Contains("anyOf", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_QueryWithMalformedFilter_ReportsError()
    {
        var schema = QdrantSchema.Require();
        var body = JsonNode.Parse("""{"query":[1,0],"limit":3,"filter":{"must":[{"key":"a","match":{"values":["x"]}}]}}""");

        var errors = schema.Validate(body, schema.RequestSchema("POST", "/collections/docs/points/query"));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_WellFormedQuery_HasNoErrors()
    {
        var schema = QdrantSchema.Require();
        var body = JsonNode.Parse("""{"query":[1,0],"limit":3,"with_payload":true,"filter":{"must":[{"key":"a","match":{"any":["x"]}},{"key":"n","range":{"gt":1}}]}}""");

        var errors = schema.Validate(body, schema.RequestSchema("POST", "/collections/docs/points/query"));

        Assert.Empty(errors);
    }
}
