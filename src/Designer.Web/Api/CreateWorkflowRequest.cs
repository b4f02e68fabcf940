using System.Text.Json.Nodes;

namespace Designer.Web.Api;

/// <summary>
/// The body of a workflow's creation, bound by <see cref="ApiJson.ReadAsync{T}"/>; the workflow service checks the
/// name and validates the definition.
/// </summary>
/// <param name="Name">The workflow's name; the service refuses a missing or blank one.</param>
/// <param name="Description">What the workflow is for; null for none.</param>
/// <param name="Definition">
/// The first draft as a Designer definition document; null starts with an empty flowchart. Any JSON here reaches the
/// definition validator, which names node-level problems that a typed binding would hide behind one "wrong type".
/// </param>
public sealed record CreateWorkflowRequest(string? Name, string? Description, JsonNode? Definition);
