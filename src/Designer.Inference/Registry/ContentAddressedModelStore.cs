using System.Text.RegularExpressions;

namespace Designer.Inference.Registry;

/// <summary>
/// The shared folder of model files (issue 14): each version's bytes live in <c>&lt;root&gt;/sha256/&lt;hash&gt;/model.onnx</c>,
/// named by their own SHA-256, with a text encoder's <c>vocab.txt</c> beside them. Every web host mounts the same
/// folder; a file is written once (staged, then renamed into place) and verified against its hash whenever it is read,
/// so a host never serves a file it cannot verify, and a missing file is a clear error naming the folder.
/// </summary>
public sealed partial class ContentAddressedModelStore
{
    private const string ModelFileName = "model.onnx";

    private readonly string _root;

    /// <summary>Creates the store rooted at <paramref name="rootDirectory"/> (created if missing).</summary>
    /// <param name="rootDirectory">The shared folder (<c>Designer:Inference:ModelStore</c>).</param>
    public ContentAddressedModelStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(Path.Combine(_root, "sha256"));
    }

    /// <summary>The store's folder.</summary>
    public string Root => _root;

    /// <summary>Where the model file with SHA-256 <paramref name="sha256"/> lives.</summary>
    /// <param name="sha256">Lowercase hex SHA-256.</param>
    /// <returns>The absolute path (the file may be missing).</returns>
    public string ModelPath(string sha256) => Path.Combine(Folder(sha256), ModelFileName);

    /// <summary>Stores a model file (and its vocabulary) unless the same bytes are already there.</summary>
    /// <param name="model">The ONNX bytes.</param>
    /// <param name="vocabulary">The text encoder's vocabulary, or null.</param>
    /// <returns>The model's SHA-256.</returns>
    public async Task<string> StoreAsync(byte[] model, byte[]? vocabulary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sha256 = FileModelRegistry.Sha256Hex(model);
        var folder = Folder(sha256);
        if (IsComplete(folder, model, vocabulary))
        {
            return sha256;
        }

        var staging = Path.Combine(_root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(staging, ModelFileName), model, cancellationToken);
            if (vocabulary is not null)
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, FileModelRegistry.VocabularyFileName), vocabulary, cancellationToken);
            }

            if (Directory.Exists(folder))
            {
                // A half-written or tampered folder (or one without the vocabulary): replaced by verified bytes.
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
        }
        catch (IOException) when (IsComplete(folder, model, vocabulary))
        {
            // Another host stored the same bytes at the same moment; theirs are ours.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return sha256;
    }

    /// <summary>Reads a model file after verifying it against <paramref name="sha256"/>.</summary>
    /// <param name="sha256">The registered SHA-256.</param>
    /// <param name="what">The model, for messages (e.g. <c>'dispute-risk' v2</c>).</param>
    /// <exception cref="ModelIntegrityException">The file is missing on this host or does not match.</exception>
    public async Task<byte[]> ReadVerifiedAsync(string sha256, string what, CancellationToken cancellationToken)
    {
        var path = ModelPath(sha256);
        if (!File.Exists(path))
        {
            throw new ModelIntegrityException(
                $"Model {what} is registered, but this host has no file {path}. Every host must mount the same model store (Designer:Inference:ModelStore).");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var actual = FileModelRegistry.Sha256Hex(bytes);
        return string.Equals(actual, sha256, StringComparison.Ordinal)
            ? bytes
            : throw new ModelIntegrityException($"Model {what} at {path} has SHA-256 {actual}, but {sha256} was registered; refusing to load it.");
    }

    private string Folder(string sha256)
    {
        // The hash names a folder, so only a real lowercase SHA-256 may reach the file system.
        if (sha256 is null || !HashPattern().IsMatch(sha256))
        {
            throw new ModelIntegrityException($"'{sha256}' is not a SHA-256; no model file can be looked up by it.");
        }

        return Path.Combine(_root, "sha256", sha256);
    }

    private static bool IsComplete(string folder, byte[] model, byte[]? vocabulary)
    {
        var modelPath = Path.Combine(folder, ModelFileName);
        if (!File.Exists(modelPath) || !File.ReadAllBytes(modelPath).AsSpan().SequenceEqual(model))
        {
            return false;
        }

        var vocabularyPath = Path.Combine(folder, FileModelRegistry.VocabularyFileName);
        return vocabulary is null || (File.Exists(vocabularyPath) && File.ReadAllBytes(vocabularyPath).AsSpan().SequenceEqual(vocabulary));
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashPattern();
}
