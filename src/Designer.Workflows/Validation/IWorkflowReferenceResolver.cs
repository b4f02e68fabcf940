namespace Designer.Workflows.Validation;

/// <summary>Answers whether referenced registry entries exist; null means "unknown", which is not a problem.</summary>
public interface IWorkflowReferenceResolver
{
    /// <summary>Whether the registry model (and version, when given) exists.</summary>
    /// <param name="model">Model id.</param>
    /// <param name="version">Model version, or null for any.</param>
    /// <returns>True, false, or null when the registry cannot tell.</returns>
    bool? ModelExists(string model, int? version);

    /// <summary>Whether the retrieval collection exists.</summary>
    /// <returns>True, false, or null when the registry cannot tell.</returns>
    bool? CollectionExists(string name);

    /// <summary>Whether an approved chat-model version exists (any approved version when <paramref name="version"/> is null).</summary>
    /// <param name="model">Chat-model id.</param>
    /// <param name="version">Version, or null for any.</param>
    /// <returns>True, false, or null when the registry cannot tell.</returns>
    bool? ChatModelExists(string model, int? version) => null;

    /// <summary>Whether an admin-approved action connection of this name is configured (issue 16).</summary>
    /// <returns>True, false, or null when the host cannot tell.</returns>
    bool? ActionConnectionExists(string name) => null;
}
