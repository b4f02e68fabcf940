using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The expected outcome.</summary>
internal sealed record ExpectedResponse(string? End, JsonNode? Output);
