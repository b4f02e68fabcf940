using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// Owns the gRPC channel and the official <see cref="QdrantClient"/> over it. The channel is built here rather than by
/// <c>QdrantChannel.ForAddress</c> so a caller (the tests) can supply the HTTP handler; TLS and the API key are set the
/// same way the official client sets them.
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public QdrantConnection(QdrantConnectionSettings settings, HttpMessageHandler? httpHandler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Endpoint.IsAbsoluteUri || settings.Endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The Qdrant endpoint '{settings.Endpoint}' must be an absolute http or https URI.", nameof(settings));
        }

        _channel = GrpcChannel.ForAddress(settings.Endpoint, new GrpcChannelOptions
        {
            HttpHandler = httpHandler ?? CreateHandler(settings),
            DisposeHttpClient = true,
        });
        CallInvoker invoker = _channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            var apiKey = settings.ApiKey;
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", apiKey);
                return metadata;
            });
        }

        Client = new QdrantClient(new QdrantGrpcClient(invoker), settings.Timeout);
    }

    public QdrantClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }

    private static SocketsHttpHandler CreateHandler(QdrantConnectionSettings settings)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            // Pinning: the named certificate is accepted (self-signed included) and no other, as the official client does.
            var pinned = settings.CertificateThumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null
                && string.Equals(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), pinned, StringComparison.OrdinalIgnoreCase);
        }

        return handler;
    }
}
