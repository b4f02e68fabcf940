using System.Net.Http.Headers;
using System.Net.Http.Json;
using Designer.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>The real app on a throwaway data directory, on SQLite or a fresh PostgreSQL database.</summary>
public sealed class DesignerWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-pass-1";
    private readonly string _dataDirectory;
    private readonly string? _postgres;

    public DesignerWebFactory(string? postgresConnectionString = null, string? dataDirectory = null)
    {
        _postgres = postgresConnectionString;
        _dataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "designer-web-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>The data directory (SQLite file, keys, models); pass it to a second factory to simulate a restart.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>When true, disposing leaves the data directory for a later factory.</summary>
    public bool KeepData { get; init; }

    /// <summary>Train the embedding model and ingest the demo corpus on start (slow; off unless a test needs it).</summary>
    public bool SeedCorpus { get; init; }

    /// <summary>Further configuration, applied last (e.g. another index backend).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Run background collection jobs; off to observe queued jobs or to simulate a stop before they run.</summary>
    public bool RunCollectionJobs { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Designer:DataDirectory", _dataDirectory);
        builder.UseSetting("Designer:Demo:Seed", "true");
        builder.UseSetting("Designer:Demo:Password", Password);
        builder.UseSetting("Designer:Demo:SeedCorpus", SeedCorpus ? "true" : "false");
        builder.UseSetting("Designer:Retrieval:RunJobs", RunCollectionJobs ? "true" : "false");
        builder.UseSetting("Designer:Retrieval:JobPollInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // The fast project-trained embedding model by default (see UiTestContext); tests of the pretrained default
        // turn these back through Settings.
        builder.UseSetting("Designer:Inference:BootstrapPretrainedModels", "false");
        builder.UseSetting("Designer:Retrieval:DefaultEmbeddingModel", "designer-lsa");
        // Every test client comes from one address; the per-IP production limits have their own tests.
        builder.UseSetting("Designer:Security:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Designer:Security:RateLimits:RefreshPerMinute", "100000");
        builder.UseSetting("Designer:Security:RateLimits:RunStartPerMinute", "100000");
        builder.UseSetting("Designer:Security:RateLimits:SearchPerMinute", "100000");
        // Each app in this process gets its own silo port and cluster.
        builder.UseSetting("Designer:Cluster:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Designer:Cluster:ClusterId", "test-" + Guid.NewGuid().ToString("N"));
        if (_postgres is not null)
        {
            builder.UseSetting("Designer:Storage:Provider", "PostgreSQL");
            builder.UseSetting("Designer:Storage:ConnectionString", _postgres);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client holding a bearer token of the seeded demo user for <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client logged in as <paramref name="email"/>, created first (with <paramref name="roles"/>) if missing.</summary>
    public async Task<HttpClient> ClientForNewUserAsync(string email, params string[] roles)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                await users.AddToRolesAsync(user, roles);
            }
        }

        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        var token = (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepData)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
}
