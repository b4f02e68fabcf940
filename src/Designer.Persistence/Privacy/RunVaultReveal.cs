using System.Text.Json.Nodes;

namespace Designer.Persistence;

/// <summary>Result of <see cref="IRunVault.RevealAsync"/>.</summary>
public abstract record RunVaultReveal
{
    private RunVaultReveal()
    {
    }

    /// <summary>The value, audited.</summary>
    /// <param name="Value">The clear value.</param>
    public sealed record Revealed(JsonNode? Value) : RunVaultReveal;

    /// <summary>The value's tokens were shredded by retention; nothing can be revealed.</summary>
    public sealed record Shredded : RunVaultReveal;
}
