using Designer.Inference;
using Designer.Persistence;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Qdrant;
using Designer.Retrieval.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>The Qdrant settings under <c>Designer:Retrieval</c>: the backend is registered from them and bad values stop the start.</summary>
public sealed class QdrantRegistrationTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempFolder();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Designer:Inference:BootstrapRiskModel", "false")]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddDesignerPersistence();
        builder.AddDesignerInference();
        builder.AddDesignerRetrieval();
        return builder.Build();
    }

    [Fact]
    public async Task AddDesignerRetrieval_QdrantBackendWithGrpcEndpoint_ResolvesQdrantProvider()
    {
        using var host = Build(
            ("Designer:Retrieval:IndexBackend", "Qdrant"),
            ("Designer:Retrieval:QdrantEndpoint", "https://qdrant.example:6334/"),
            ("Designer:Retrieval:QdrantApiKey", "from-configuration"),
            ("Designer:Retrieval:QdrantCertificateThumbprint", new string('A', 64)),
            ("Designer:Retrieval:QdrantTimeout", "00:00:05"));

        var provider = host.Services.GetRequiredService<IVectorIndexProvider>();

        Assert.IsType<QdrantVectorIndexProvider>(provider);
        Assert.Equal("qdrant", provider.Backend);
        await provider.DisposeAsync();
    }

    [Theory]
    [InlineData("Designer:Retrieval:QdrantEndpoint", "qdrant:6334", "QdrantEndpoint")]
    [InlineData("Designer:Retrieval:QdrantEndpoint", "ftp://qdrant:6334/", "QdrantEndpoint")]
    [InlineData("Designer:Retrieval:QdrantEndpoint", "http://qdrant:6333", "REST port")]
    [InlineData("Designer:Retrieval:QdrantCertificateThumbprint", "not-a-thumbprint", "QdrantCertificateThumbprint")]
    [InlineData("Designer:Retrieval:QdrantTimeout", "00:00:00", "QdrantTimeout")]
    public async Task AddDesignerRetrieval_BadQdrantSetting_FailsOnStart(string key, string value, string named)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Designer:Retrieval:QdrantEndpoint"] = "http://qdrant:6334/", [key] = value };
        using var host = Build([.. settings.Select(s => (s.Key, s.Value))]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => TestEnvironment.DeleteFolder(_root);
}
