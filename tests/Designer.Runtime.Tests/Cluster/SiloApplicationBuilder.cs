using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Designer.Runtime.Tests.Cluster;

/// <summary>
/// Lets a TestCluster silo call the modules' <c>AddDesignerXxx(IHostApplicationBuilder)</c>: they only use
/// <see cref="Services"/> and <see cref="Configuration"/>.
/// </summary>
#pragma warning disable CA1001 // The configuration it builds is read by the silo for its whole life; the test cluster ends both.
internal sealed class SiloApplicationBuilder : IHostApplicationBuilder
#pragma warning restore CA1001
{
    private readonly ConfigurationManager _configuration = new();

    public SiloApplicationBuilder(ISiloBuilder silo)
    {
        Services = silo.Services;
        _configuration.AddConfiguration(silo.Configuration);
    }

    public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();

    public IConfigurationManager Configuration => _configuration;

    public IHostEnvironment Environment => throw new NotSupportedException("Resolve IHostEnvironment from the container.");

    public ILoggingBuilder Logging => throw new NotSupportedException();

    public IMetricsBuilder Metrics => throw new NotSupportedException();

    public IServiceCollection Services { get; }

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => throw new NotSupportedException();
}
