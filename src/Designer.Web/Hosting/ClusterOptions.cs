namespace Designer.Web.Hosting;

/// <summary>The in-process Orleans silo (<c>Designer:Cluster</c>).</summary>
public sealed class DesignerClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Designer:Cluster";

    /// <summary>Silo-to-silo port on 127.0.0.1 (localhost clustering, one silo).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 = no gateway (the web host calls grains in-process).</summary>
    public int GatewayPort { get; set; }

    /// <summary>Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "designer";

    /// <summary>Orleans service id.</summary>
    public string ServiceId { get; set; } = "designer";
}
