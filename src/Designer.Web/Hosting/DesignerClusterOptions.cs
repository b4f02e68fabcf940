namespace Designer.Web.Hosting;

/// <summary>The in-process Orleans silo (<c>Designer:Cluster</c>).</summary>
public sealed class DesignerClusterOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Cluster__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Cluster";

    /// <summary>Membership = one silo on this host (the default).</summary>
    public const string Localhost = "Localhost";

    /// <summary>Membership = a Redis table shared by every host of the cluster.</summary>
    public const string Redis = "Redis";

    /// <summary><see cref="Localhost"/> (default) or <see cref="Redis"/>.</summary>
    public string Membership { get; set; } = Localhost;

    /// <summary>StackExchange.Redis connection string; required when <see cref="Membership"/> is <see cref="Redis"/>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>The address other silos reach this one on (Redis membership); default 127.0.0.1.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port (on 127.0.0.1 with localhost clustering).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 = no gateway (the web host calls grains in-process).</summary>
    public int GatewayPort { get; set; }

    /// <summary>Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "designer";

    /// <summary>Orleans service id.</summary>
    public string ServiceId { get; set; } = "designer";

    /// <summary>
    /// How long a caller waits for a grain's answer (Orleans' response timeout; default 30 s, 1 s to 10 min). A call
    /// that runs out is not withdrawn: a human decision still queued behind the governance lock is recorded later,
    /// so the API answers 503 and says to look at the task before sending it again.
    /// </summary>
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
