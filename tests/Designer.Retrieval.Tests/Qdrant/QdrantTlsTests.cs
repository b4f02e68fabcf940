using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Designer.Retrieval.Tests.Support;
using Grpc.Core;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// TLS and the API key over real sockets: the fake Qdrant on Kestrel at 127.0.0.1 with a self-signed certificate,
/// reached by the production channel (its own <see cref="SocketsHttpHandler"/>), trusted only through the pinned thumbprint.
/// </summary>
public sealed class QdrantTlsTests : IAsyncLifetime
{
    private const string ApiKey = "tls-key";
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private readonly X509Certificate2 _certificate = SelfSigned();
    private FakeQdrantServer? _server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Thumbprint => Convert.ToHexString(_certificate.GetCertHash(HashAlgorithmName.SHA256));

    public async ValueTask InitializeAsync() => _server = await FakeQdrantServer.StartAsync(ApiKey, _certificate);

    [Fact]
    public async Task Provider_HttpsWithPinnedThumbprint_CreatesAndSearchesOverTls()
    {
        await using var provider = _server!.CreateProvider(_folder, ApiKey, certificateThumbprint: Thumbprint);

        var index = await provider.CreateAsync("docs", 2, cancellationToken: Ct);
        await index.UpsertAsync([new("a", [1f, 0f], "over tls")], Ct);

        Assert.Equal(1, await index.CountAsync(Ct));
        Assert.Contains(_server.Service.Requests, r => r is global::Qdrant.Client.Grpc.UpsertPoints);
    }

    [Fact]
    public async Task Provider_HttpsWithOtherThumbprint_RefusesTheServer()
    {
        await using var provider = _server!.CreateProvider(_folder, ApiKey, certificateThumbprint: new string('0', 64));

        var ex = await Assert.ThrowsAsync<RpcException>(() => provider.OpenAsync("docs", Ct));

        Assert.IsType<AuthenticationException>(ex.Status.DebugException?.GetBaseException());
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task Provider_HttpsSelfSignedWithoutPin_RefusesTheServer()
    {
        await using var provider = _server!.CreateProvider(_folder, ApiKey);

        var ex = await Assert.ThrowsAsync<RpcException>(() => provider.OpenAsync("docs", Ct));

        Assert.IsType<AuthenticationException>(ex.Status.DebugException?.GetBaseException());
        Assert.Empty(_server.Service.Requests);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certificate.Dispose();
        TestEnvironment.DeleteFolder(_folder);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the private key in a form it can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
