using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.InferenceHost.Tests;

/// <summary>The real inference host on a throwaway data directory, with optional settings and service overrides.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public HostFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? [];
        _services = services;
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "designer-host-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Designer:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Off unless a test turns it on: most tests need an empty registry, and extraction costs ~90 MB per host.
        builder.UseSetting("Designer:Inference:BootstrapPretrainedModels", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp.
        }
    }
}
