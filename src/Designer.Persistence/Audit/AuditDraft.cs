using System.Text.Json.Nodes;

namespace Designer.Persistence;

/// <summary>One audit entry to append with a change.</summary>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done, e.g. <c>user.created</c>.</param>
/// <param name="EntityType">Kind of entity acted on.</param>
/// <param name="EntityId">Id of the entity acted on.</param>
/// <param name="Data">Optional details.</param>
public sealed record AuditDraft(Actor Actor, string Action, string EntityType, string EntityId, JsonObject? Data);
