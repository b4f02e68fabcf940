using Designer.Inference.ChatModels;

namespace Designer.Web.Models;

/// <summary>A chat-model version with the workflow versions that pin it, as the models page and API show it.</summary>
/// <param name="Version">The registry entry (never a key: only the secret's name).</param>
/// <param name="UsedBy">Published or pending workflow versions whose chat node (or fallback list) resolves to it.</param>
internal sealed record ChatModelVersionView(ChatModelVersion Version, IReadOnlyList<ModelUsageResponse> UsedBy);
