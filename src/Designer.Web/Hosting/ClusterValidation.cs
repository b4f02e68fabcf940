using System.Net;

namespace Designer.Web.Hosting;

/// <summary>Checks <see cref="DesignerClusterOptions"/> before the silo is configured, listing every problem.</summary>
internal static class ClusterValidation
{
    public static void ThrowIfInvalid(DesignerClusterOptions cluster)
    {
        var problems = new List<string>();
        if (cluster.SiloPort is < 1 or > 65535 || cluster.GatewayPort is < 0 or > 65535)
        {
            problems.Add("SiloPort must be 1..65535 and GatewayPort 0..65535.");
        }

        if (cluster.Membership is not (DesignerClusterOptions.Localhost or DesignerClusterOptions.Redis))
        {
            problems.Add($"Membership must be {DesignerClusterOptions.Localhost} or {DesignerClusterOptions.Redis}.");
        }

        if (cluster.Membership == DesignerClusterOptions.Redis && string.IsNullOrWhiteSpace(cluster.RedisConnectionString))
        {
            problems.Add("RedisConnectionString is required with Redis membership.");
        }

        if (!IPAddress.TryParse(cluster.AdvertisedAddress, out _))
        {
            problems.Add("AdvertisedAddress must be an IP address.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{DesignerClusterOptions.SectionName}: {string.Join(" ", problems)}");
        }
    }
}
