using System.Net;
using Designer.Runtime.Hosting;

namespace Designer.Web.Hosting;

/// <summary>Checks <see cref="DesignerClusterOptions"/> before the silo is configured, listing every problem.</summary>
internal static class ClusterValidation
{
    /// <summary>Throws listing every problem; with Redis membership the grain call key is required (issue 14).</summary>
    public static void ThrowIfInvalid(DesignerClusterOptions cluster, string? grainCallKey)
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

        if (cluster.Membership == DesignerClusterOptions.Redis && string.IsNullOrWhiteSpace(grainCallKey))
        {
            // Without a shared key every host would sign with its own random key and refuse the others' commands.
            problems.Add($"{RuntimeOptions.SectionName}:GrainCallKey (base64, 32+ bytes, the same on every host) is required with Redis membership.");
        }

        if (cluster.GrainCallTimeout < TimeSpan.FromSeconds(1) || cluster.GrainCallTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("GrainCallTimeout must be between 00:00:01 and 00:10:00.");
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
