using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>The answer of <c>GET /api/runs/{id}/reveal</c>: one unmasked value, whose reveal is in the audit log.</summary>
/// <param name="RunId">The run the value belongs to.</param>
/// <param name="Field">The path that was asked for, e.g. <c>input.email</c> or <c>output</c>.</param>
/// <param name="Value">The value as the run stored it, personal data included.</param>
internal sealed record RunRevealResponse(Guid RunId, string Field, JsonNode? Value);
