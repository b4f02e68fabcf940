using System.Security.Cryptography;

namespace Designer.Inference.Registry;

/// <summary>Reads the vocabulary stored beside a registered model, checking it against the descriptor's SHA-256.</summary>
public static class ModelVocabulary
{
    /// <summary>Reads and verifies the vocabulary of <paramref name="descriptor"/>.</summary>
    /// <param name="descriptor">A version with a <see cref="ModelDescriptor.TextEncoder"/>.</param>
    /// <returns>The vocabulary bytes.</returns>
    /// <exception cref="ModelIntegrityException">The file is missing or does not match the registered hash.</exception>
    public static async Task<byte[]> ReadAsync(ModelDescriptor descriptor, CancellationToken cancellationToken)
    {
        var path = PathOf(descriptor);
        return Verify(descriptor, path, await File.ReadAllBytesAsync(path, cancellationToken));
    }

    /// <summary>Reads and verifies the vocabulary of <paramref name="descriptor"/> synchronously (small file).</summary>
    /// <param name="descriptor">A version with a <see cref="ModelDescriptor.TextEncoder"/>.</param>
    /// <returns>The vocabulary bytes.</returns>
    /// <exception cref="ModelIntegrityException">The file is missing or does not match the registered hash.</exception>
    public static byte[] Read(ModelDescriptor descriptor)
    {
        var path = PathOf(descriptor);
        return Verify(descriptor, path, File.ReadAllBytes(path));
    }

    private static string PathOf(ModelDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.TextEncoder is null)
        {
            throw new ArgumentException($"Model '{descriptor.Id}' v{descriptor.Version} has no text encoder.", nameof(descriptor));
        }

        var path = Path.Combine(Path.GetDirectoryName(descriptor.OnnxPath) ?? ".", FileModelRegistry.VocabularyFileName);
        return File.Exists(path) ? path
            : throw new ModelIntegrityException($"Model '{descriptor.Id}' v{descriptor.Version} has no vocabulary at {path}.");
    }

    private static byte[] Verify(ModelDescriptor descriptor, string path, byte[] bytes)
    {
        var spec = descriptor.TextEncoder!;
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, spec.VocabularySha256, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(
                $"The vocabulary of model '{descriptor.Id}' v{descriptor.Version} at {path} has SHA-256 {actual}, but {spec.VocabularySha256} was registered.");
        }

        return bytes;
    }
}
