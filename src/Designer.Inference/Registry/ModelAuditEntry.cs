using System.Text.Json.Nodes;

namespace Designer.Inference.Registry;

/// <summary>The audit entry a registry change is recorded with (entity <c>model</c>, id <c>&lt;id&gt;/v&lt;version&gt;</c>).</summary>
/// <param name="ActorId">Who acted (stable id).</param>
/// <param name="ActorName">Their display name.</param>
/// <param name="Action">What was done, e.g. <c>model.approved</c>.</param>
/// <param name="Data">What changed (e.g. the version and its hash), or null.</param>
public sealed record ModelAuditEntry(string ActorId, string ActorName, string Action, JsonObject? Data);
