using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>
/// Signs and verifies <see cref="AuditCheckpoint"/>s with one ECDSA P-256 key: the configured PEM, else a key this
/// host generates once under the data directory (owner-only file). An asymmetric key, so an auditor can verify an
/// exported checkpoint with the public key without being able to forge one.
/// </summary>
public sealed class AuditCheckpointSigner : IDisposable
{
    private readonly Lazy<(ECDsa Key, string KeyId)> _key;

    /// <summary>Creates the signer; the key is loaded or generated on first use.</summary>
    /// <param name="configuration">Resolves the data directory.</param>
    /// <param name="environment">The content root the data directory is relative to.</param>
    public AuditCheckpointSigner(IOptions<AuditOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        var audit = options.Value;
        var file = Designer.Hosting.DataDirectory.Resolve(configuration[Designer.Hosting.DataDirectory.ConfigurationKey], environment.ContentRootPath, audit.SigningKeyFile);
        _key = new Lazy<(ECDsa, string)>(() => Load(audit.SigningKeyPem, file), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Identifies the key: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo.</summary>
    public string KeyId => _key.Value.KeyId;

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for verifying exported checkpoints elsewhere.</summary>
    public string PublicKeyPem => _key.Value.Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs a head.</summary>
    /// <param name="sequence">The head entry's sequence.</param>
    /// <param name="hash">The head entry's hash.</param>
    public AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset signedAt)
    {
        // Round to whole microseconds as the text form carries them, so a checkpoint read back verifies.
        var at = new DateTimeOffset(signedAt.UtcTicks - (signedAt.UtcTicks % 10), TimeSpan.Zero);
        var (key, keyId) = _key.Value;
        var text = AuditCheckpoint.BuildSignedText(sequence, hash, at, keyId);
        var signature = key.SignData(System.Text.Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(sequence, hash, at, keyId, Convert.ToBase64String(signature));
    }

    /// <summary>Whether the checkpoint was signed by this key and is unaltered.</summary>
    /// <param name="checkpoint">The checkpoint to check.</param>
    /// <returns>True when the signature verifies.</returns>
    public bool Verify(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var (key, keyId) = _key.Value;
        if (!string.Equals(checkpoint.KeyId, keyId, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[128];
        return Convert.TryFromBase64String(checkpoint.Signature, signature, out var length)
            && key.VerifyData(checkpoint.SignedBytes, signature[..length], HashAlgorithmName.SHA256);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Key.Dispose();
        }
    }

    private static (ECDsa Key, string KeyId) Load(string? pem, string file)
    {
        var key = ECDsa.Create();
        if (!string.IsNullOrWhiteSpace(pem))
        {
            key.ImportFromPem(pem);
        }
        else if (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            key.Dispose();
            key = CreateKeyFile(file);
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
        return (key, id);
    }

    private static ECDsa CreateKeyFile(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            // Two hosts (or test processes) starting at once: the first key to land wins, the other reads it.
            File.Move(temporary, file, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            key.Dispose();
            var existing = ECDsa.Create();
            existing.ImportFromPem(File.ReadAllText(file));
            return existing;
        }
    }
}
