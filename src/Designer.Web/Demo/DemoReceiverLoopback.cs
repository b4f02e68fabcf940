using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Designer.Web.Demo;

/// <summary>
/// Points the <c>demo-refunds</c> connection at the address this host really listens on. The connection's base URL
/// is configured before the server picks its port (port 0 in tests, any <c>--urls</c> in Development), so its
/// scheme, host and port are replaced per call by the first bound address; the path stays as the action resolved it.
/// Without a bound address (an in-memory test server) the request goes out unchanged.
/// </summary>
internal sealed class DemoReceiverLoopback(IServer server) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Listening() is { } own)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = own.Scheme, Host = own.Host, Port = own.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private Uri? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // Wildcard bindings are reachable on loopback.
        address = address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null;
    }
}
