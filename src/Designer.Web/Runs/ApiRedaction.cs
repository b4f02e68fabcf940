using System.Text.Json.Nodes;
using Designer.Hosting.Privacy;

namespace Designer.Web.Runs;

/// <summary>
/// Masks personal data in what the run and task APIs return: vault tokens of stored rows become the plain mask of
/// their kind (<c>[email]</c>), and the runtime's <see cref="PiiRedactor"/> masks anything stored before the vault
/// existed. Only the audited reveal of a <c>pii-reader</c> shows values, read from the vault.
/// </summary>
internal static class ApiRedaction
{
    public static JsonNode? Redact(JsonNode? node) =>
        PiiRedactor.Redact(node is null ? null : JsonNode.Parse(RunVaultTokens.ToMasks(node.ToJsonString(RunVaultTokens.JsonOptions))), new Dictionary<string, int>(StringComparer.Ordinal));

    public static string Redact(string text) =>
        PiiRedactor.Redact(RunVaultTokens.ToMasks(text), new Dictionary<string, int>(StringComparer.Ordinal));
}
