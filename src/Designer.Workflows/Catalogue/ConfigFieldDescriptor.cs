using System.Text.Json.Nodes;

namespace Designer.Workflows.Catalogue;

/// <summary>Describes one configuration field of a node kind.</summary>
/// <param name="Name">camelCase key in the node's config object.</param>
/// <param name="Type">One of <see cref="ConfigFieldTypes"/>.</param>
/// <param name="Required">Whether the key must be present and non-null.</param>
/// <param name="Description">Help text for the designer.</param>
/// <param name="Default">Value used when the key is absent, if any.</param>
public sealed record ConfigFieldDescriptor(
    string Name,
    string Type,
    bool Required,
    string Description,
    JsonNode? Default = null);
