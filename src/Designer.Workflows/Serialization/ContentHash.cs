using System.Security.Cryptography;
using System.Text;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Serialization;

/// <summary>Content hash of a definition: <c>sha256:</c> + lowercase hex of the UTF-8 canonical JSON.</summary>
public static class ContentHash
{
    /// <summary>The prefix naming the algorithm.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Hashes the canonical JSON of <paramref name="definition"/>.</summary>
    /// <returns>For example <c>sha256:9f86d0…</c>.</returns>
    public static string Compute(WorkflowDefinition definition)
    {
        var bytes = Encoding.UTF8.GetBytes(CanonicalJson.Serialize(definition));
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
