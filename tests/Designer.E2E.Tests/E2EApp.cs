using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Designer.Persistence;
using Designer.Retrieval.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.E2E.Tests;

/// <summary>The real app on Kestrel (a browser needs a socket), seeded, on a throwaway data directory.</summary>
public sealed class E2EApp : WebApplicationFactory<Program>
{
    public const string Password = "E2e-pass-1";
    private const string DemoCollection = "past-disputes";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "designer-e2e", Guid.NewGuid().ToString("N"));
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _seedVersions;

    /// <summary>Creates the app; <paramref name="services"/> changes its registrations (measurement variants).</summary>
    /// <param name="services">Changes the app's registrations, or null.</param>
    /// <param name="seedVersions">Seed the demo's v1 (active) and stricter v2 (pending), as Development does by default.</param>
    public E2EApp(Action<IServiceCollection>? services = null, bool seedVersions = false)
    {
        _services = services;
        _seedVersions = seedVersions;
        UseKestrel(0);
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets (blazor.web.js, MudBlazor) straight from the build output.
        builder.UseEnvironment("Development");
        builder.UseSetting("Designer:DataDirectory", _dataDirectory);
        builder.UseSetting("Designer:Demo:Seed", "true");
        builder.UseSetting("Designer:Demo:Password", Password);
        // Most flows submit and approve the seeded draft themselves (v1); the seeded two-click flow asks for the v1/v2 pair.
        builder.UseSetting("Designer:Demo:SeedVersions", _seedVersions ? "true" : "false");
        // Training and ingesting the 5,000-dispute corpus would compete with the browser for the CPU; no E2E flow needs it.
        builder.UseSetting("Designer:Demo:SeedCorpus", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every browser session logs in from 127.0.0.1; the per-IP login limit has its own tests.
        builder.UseSetting("Designer:Security:RateLimits:LoginPerMinute", "100000");
        // Each app in this process gets its own Orleans silo port and cluster.
        builder.UseSetting("Designer:Cluster:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Designer:Cluster:ClusterId", "e2e-" + Guid.NewGuid().ToString("N"));
        builder.UseUrls("http://127.0.0.1:0");
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>
    /// Starts the app, then creates the demo's <c>past-disputes</c> collection empty: the seeded definitions retrieve
    /// from it, and since issue 17 a draft naming a missing collection cannot be submitted. Its 5,000 documents are
    /// not ingested (see <c>SeedCorpus</c> above); the pretrained embedding model is the one the app registers.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var collections = host.Services.GetRequiredService<CollectionService>();
        var created = collections.CreateAsync(
            new CreateCollection(DemoCollection, "Past customer disputes (empty in E2E tests)"), new Actor("system", "system"), CancellationToken.None)
            .GetAwaiter().GetResult();
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Creating {DemoCollection} failed: {created.Error!.Detail}");
        }

        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp; a file still held by SQLite must not fail the run.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
