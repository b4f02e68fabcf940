namespace Designer.Web.Collections;

/// <summary>The optional body of <c>POST /api/collections/{name}/reembed</c>; empty re-embeds with the newest version of the collection's model.</summary>
/// <param name="Model">Another embedding model, or null to keep the collection's.</param>
/// <param name="Version">The model version, or null for the newest usable one.</param>
internal sealed record ReembedRequest(string? Model = null, int? Version = null);
