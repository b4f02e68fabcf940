using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Designer.Inference.Registry;

/// <summary>
/// The embedded registry: each version lives in <c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;/</c> as <c>model.onnx</c> plus
/// <c>descriptor.json</c>. A version is staged in a temporary folder and renamed into place, so readers never see a
/// half-written version; status changes replace <c>descriptor.json</c> by temp file + rename.
/// </summary>
/// <remarks>
/// Descriptors are cached per model for <see cref="CacheTtl"/> (the serving hot path asks for the latest approved
/// version on every call). Writes through this instance invalidate at once; changes made by another process are
/// seen within the TTL.
/// </remarks>
public sealed partial class FileModelRegistry : IModelRegistry, IDisposable
{
    private const string ModelFileName = "model.onnx";
    private const string DescriptorFileName = "descriptor.json";

    /// <summary>The file name of a text encoder's vocabulary beside <c>model.onnx</c>.</summary>
    public const string VocabularyFileName = "vocab.txt";

    private readonly string _root;
    private readonly TimeProvider _timeProvider;

    // Serialises writers in this process; the rename also guards against another process taking the same version.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long LoadedAt, IReadOnlyList<ModelDescriptor> Versions)> _cache = new(StringComparer.Ordinal);

    /// <summary>How long descriptors read from disk are reused.</summary>
    public static TimeSpan CacheTtl { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Creates a registry rooted at <paramref name="rootDirectory"/> (created if missing).</summary>
    /// <param name="rootDirectory">Usually <c>&lt;dataDir&gt;/models</c>.</param>
    /// <param name="timeProvider">Clock for <see cref="ModelDescriptor.CreatedAt"/>.</param>
    public FileModelRegistry(string rootDirectory, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<ModelDescriptor>();
        foreach (var modelDir in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            result.AddRange(await ListVersionsAsync(Path.GetFileName(modelDir), cancellationToken));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<ModelDescriptor?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        ValidateId(id);
        var versions = await ListVersionsAsync(id, cancellationToken);
        return version is { } v
            ? versions.FirstOrDefault(d => d.Version == v)
            : versions.LastOrDefault(d => d.Status == ModelStatus.Approved);
    }

    /// <inheritdoc />
    public async Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ValidateId(registration.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.TrainedBy);
        var read = registration.Read();
        var (bytes, vocabulary) = (read.Model, read.Vocabulary);

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var modelDir = Path.Combine(_root, registration.Id);
            Directory.CreateDirectory(modelDir);
            var existing = ExistingVersions(registration.Id);
            var version = existing.Count == 0 ? 1 : existing.Max() + 1;
            var descriptor = registration.Describe(
                read,
                version,
                registration.IsBootstrap && version == 1 ? ModelStatus.Approved : ModelStatus.PendingApproval,
                Path.Combine(VersionDirectory(registration.Id, version), ModelFileName),
                Sha256Hex(bytes),
                _timeProvider.GetUtcNow());

            var staging = Path.Combine(modelDir, $".staging-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            try
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, ModelFileName), bytes, cancellationToken);
                if (vocabulary is not null)
                {
                    await File.WriteAllBytesAsync(Path.Combine(staging, VocabularyFileName), vocabulary, cancellationToken);
                }
                await WriteJsonAsync(Path.Combine(staging, DescriptorFileName), descriptor, cancellationToken);

                // The rename is the commit point: it fails if another process took this version meanwhile.
                Directory.Move(staging, VersionDirectory(registration.Id, version));
                _cache.TryRemove(registration.Id, out _);
            }
            catch
            {
                TryDelete(staging);
                throw;
            }

            return descriptor;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken)
    {
        ValidateId(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var dir = VersionDirectory(id, version);
            if (!Directory.Exists(dir))
            {
                throw new ModelNotFoundException($"Model '{id}' has no version {version}.");
            }

            var current = await ReadDescriptorAsync(dir, cancellationToken);
            EnsureTransitionAllowed(current, status);
            var updated = current with { Status = status, StatusChangedBy = changedBy, StatusChangedAt = _timeProvider.GetUtcNow() };
            await WriteJsonAsync(Path.Combine(dir, DescriptorFileName), updated, cancellationToken);
            _cache.TryRemove(id, out _);
            return updated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadModelAsync(ModelDescriptor descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ValidateId(descriptor.Id);
        var path = Path.Combine(VersionDirectory(descriptor.Id, descriptor.Version), ModelFileName);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var actual = Sha256Hex(bytes);
        if (!string.Equals(actual, descriptor.Sha256, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(
                $"Model '{descriptor.Id}' v{descriptor.Version} at {path} has SHA-256 {actual}, but {descriptor.Sha256} was registered.");
        }

        return bytes;
    }

    internal static void EnsureTransitionAllowed(ModelDescriptor current, ModelStatus next)
    {
        // Setting the status a version already has is allowed here (nothing changes).
        if (current.Status != next && !ModelLifecycle.IsAllowed(current.Status, next))
        {
            throw new InvalidOperationException($"Model '{current.Id}' v{current.Version} cannot go from {current.Status} to {next}.");
        }
    }

    private async Task<IReadOnlyList<ModelDescriptor>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(id, out var cached) && _timeProvider.GetElapsedTime(cached.LoadedAt) < CacheTtl)
        {
            return cached.Versions;
        }

        var loadedAt = _timeProvider.GetTimestamp();
        var versions = await ReadVersionsAsync(id, cancellationToken);
        _cache[id] = (loadedAt, versions);
        return versions;
    }

    private async Task<IReadOnlyList<ModelDescriptor>> ReadVersionsAsync(string id, CancellationToken cancellationToken)
    {
        var result = new List<ModelDescriptor>();
        foreach (var version in ExistingVersions(id).Order())
        {
            result.Add(await ReadDescriptorAsync(VersionDirectory(id, version), cancellationToken));
        }

        return result;
    }

    private List<int> ExistingVersions(string id)
    {
        var modelDir = Path.Combine(_root, id);
        if (!Directory.Exists(modelDir))
        {
            return [];
        }

        return Directory.EnumerateDirectories(modelDir)
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var v) && v > 0 ? v : 0)
            .Where(v => v > 0)
            .ToList();
    }

    private static async Task<ModelDescriptor> ReadDescriptorAsync(string versionDir, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(versionDir, DescriptorFileName));
        var descriptor = await JsonSerializer.DeserializeAsync<ModelDescriptor>(stream, ModelDescriptorJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"Empty descriptor in {versionDir}.");
        return descriptor with { OnnxPath = Path.Combine(versionDir, ModelFileName) };
    }

    private static Task WriteJsonAsync(string path, ModelDescriptor descriptor, CancellationToken cancellationToken) =>
        AtomicJsonFile.WriteAsync(path, descriptor, ModelDescriptorJson.Options, overwrite: true, cancellationToken);

    private string VersionDirectory(string id, int version) =>
        Path.Combine(_root, id, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static void ValidateId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"Model id '{id}' must be lowercase letters, digits and dashes (at most 64).", nameof(id));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a stale staging folder is ignored by readers (not a number) and harmless.
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();
}
