using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Audit;

public sealed class AuditCheckpointSignerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "designer-audit-key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Sign_Issue14_VerifiesWithTheExportedPublicKeyAlone()
    {
        // Arrange
        using var signer = Signer(new AuditOptions());
        var checkpoint = signer.Sign(42, new string('a', 64), new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero).AddTicks(1234567));

        // Act: what an auditor does outside Designer with the key from GET /api/audit/checkpoint/key.
        using var auditor = ECDsa.Create();
        auditor.ImportFromPem(signer.PublicKeyPem);
        var valid = auditor.VerifyData(Encoding.UTF8.GetBytes(checkpoint.SignedText), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);

        // Assert
        Assert.True(valid);
        Assert.True(signer.Verify(checkpoint));
        Assert.Equal(signer.KeyId, checkpoint.KeyId);
    }

    [Fact]
    public void Signer_Issue14_GeneratedKeyIsOwnerOnlyAndReusedByTheNextHost()
    {
        // Arrange
        string firstId;
        using (var first = Signer(new AuditOptions()))
        {
            firstId = first.KeyId;
        }

        // Act
        using var second = Signer(new AuditOptions());
        var file = Path.Combine(_root, "data", "audit", "checkpoint-signing-key.pem");

        // Assert
        Assert.Equal(firstId, second.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Signer_Issue14_ConfiguredPemWinsAndAnotherKeyRefusesItsCheckpoints()
    {
        // Arrange
        using var configured = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var fromConfig = Signer(new AuditOptions { SigningKeyPem = configured.ExportPkcs8PrivateKeyPem() });
        using var generated = Signer(new AuditOptions());

        // Act
        var checkpoint = fromConfig.Sign(1, new string('b', 64), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(configured.ExportSubjectPublicKeyInfoPem(), fromConfig.PublicKeyPem);
        Assert.False(generated.Verify(checkpoint));
        Assert.False(File.Exists(Path.Combine(_root, "data", "audit", "never-used.pem")));
    }

    [Theory]
    [InlineData("not a key", "not a PEM-encoded ECDSA private key")]
    [InlineData(null, "CheckpointInterval must be zero")]
    public void Validate_Issue14_BadOptions_NameTheSetting(string? pem, string expected)
    {
        var options = new AuditOptions { SigningKeyPem = pem, CheckpointInterval = pem is null ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromHours(1) };

        var result = new AuditOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private AuditCheckpointSigner Signer(AuditOptions options) =>
        new(Options.Create(options), new ConfigurationBuilder().Build(), new Environment(_root));

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Designer";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
