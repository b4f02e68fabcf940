using Designer.Workflows.Validation.Rules;

namespace Designer.Workflows.Validation;

/// <summary>Reads a chat-model reference (<c>id</c> or <c>id@version</c>) as the validator does.</summary>
public static class ChatModelReference
{
    /// <summary>Splits a reference; false when it is malformed.</summary>
    /// <param name="id">The chat-model id.</param>
    /// <param name="version">The pinned version, or null for the latest approved.</param>
    /// <returns>Whether the reference is well formed.</returns>
    public static bool TryParse(string text, out string id, out int? version) =>
        ChatConfigRules.TryParseReference(text ?? string.Empty, out id, out version);
}
