namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A chat node's prompts as a model would receive them, rendered over sample or last-run variables.</summary>
/// <param name="System">Masked system prompt, or null.</param>
/// <param name="User">Masked user prompt, or null when rendering failed.</param>
/// <param name="Error">Why rendering failed, or null.</param>
/// <param name="Source">Where the variables came from, in words.</param>
/// <param name="Masked">How many values of each kind were masked.</param>
internal sealed record PromptPreview(string? System, string? User, string? Error, string Source, IReadOnlyDictionary<string, int> Masked);
