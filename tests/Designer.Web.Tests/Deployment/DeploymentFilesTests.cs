using System.Text.RegularExpressions;
using System.Xml.Linq;
using Designer.Inference;
using Designer.Persistence;
using Designer.Retrieval;
using Designer.Runtime.Hosting;
using Designer.Telemetry;
using Designer.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Designer.Web.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so the deployment files are checked for what can go wrong without one: every
/// <c>Designer__*</c> key the compose file sets exists on the options class it binds to, and every image starts the
/// assembly its Dockerfile publishes.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly Dictionary<string, Type> OptionsBySection = new(StringComparer.Ordinal)
    {
        ["Storage"] = typeof(StorageOptions),
        ["Cluster"] = typeof(DesignerClusterOptions),
        ["Inference"] = typeof(InferenceOptions),
        ["Retrieval"] = typeof(RetrievalOptions),
        ["Runtime"] = typeof(RuntimeOptions),
        ["Telemetry"] = typeof(TelemetryOptions),
        ["Demo"] = typeof(DemoOptions),
        ["Security"] = typeof(SecurityOptions),
    };

    [Fact]
    public void Compose_EveryDesignerKey_ExistsAndBindsToItsOptions()
    {
        // Arrange
        var environments = DeploymentFiles.Environments();
        var designerKeys = environments.SelectMany(e => e.Value).Where(kv => kv.Key.StartsWith("Designer__", StringComparison.Ordinal)).ToList();

        // Act: bind each service's settings the way the host does, refusing keys no property takes.
        var problems = new List<string>();
        foreach (var (service, environment) in environments)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment
                .Where(kv => kv.Key.StartsWith("Designer__", StringComparison.Ordinal))
                .Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)Interpolation().Replace(kv.Value, "x"))))
                .Build();
            foreach (var section in configuration.GetSection("Designer").GetChildren())
            {
                if (section.Key == "DataDirectory")
                {
                    continue;
                }

                if (!OptionsBySection.TryGetValue(section.Key, out var type))
                {
                    problems.Add($"{service}: no options section Designer:{section.Key}");
                    continue;
                }

                try
                {
                    section.Get(type, o => o.ErrorOnUnknownConfiguration = true);
                }
                catch (InvalidOperationException ex)
                {
                    problems.Add($"{service}: {ex.Message}");
                }
            }
        }

        // Orleans advertises an IP address (the host refuses a name at start), so compose must give one.
        problems.AddRange(environments
            .Where(e => e.Value.TryGetValue("Designer__Cluster__AdvertisedAddress", out var address) && !System.Net.IPAddress.TryParse(address, out _))
            .Select(e => $"{e.Key}: Designer__Cluster__AdvertisedAddress is not an IP address"));

        // Assert
        Assert.NotEmpty(designerKeys);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("web.Dockerfile", "src/Designer.Web/Designer.Web.csproj")]
    [InlineData("inference.Dockerfile", "src/Designer.InferenceHost/Designer.InferenceHost.csproj")]
    [InlineData("inference-gpu.Dockerfile", "src/Designer.InferenceHost/Designer.InferenceHost.csproj")]
    public void Dockerfile_EntryPoint_StartsTheAssemblyItPublishes(string dockerfile, string project)
    {
        // Arrange
        var text = File.ReadAllText(DeploymentFiles.Docker(dockerfile));
        var projectPath = Path.Combine(DeploymentFiles.Root, project);

        // Act
        var published = PublishCommand().Match(text).Groups["project"].Value;
        var entryPoint = EntryPoint().Match(text).Groups["dll"].Value;
        var assemblyName = XDocument.Load(projectPath).Descendants("AssemblyName").FirstOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(project);

        // Assert
        Assert.Equal(project, published);
        Assert.Equal(assemblyName + ".dll", entryPoint);
    }

    [Fact]
    public void Compose_BuiltServices_NameDockerfilesThatExistAndTheGpuHostReservesAGpu()
    {
        // Arrange
        var services = DeploymentFiles.Services();

        // Act
        var builds = services.Where(s => s.Value.ContainsKey("build"))
            .ToDictionary(s => s.Key, s => (Dictionary<object, object>)s.Value["build"]);
        var inference = services["inference"];
        var gpuText = File.ReadAllText(DeploymentFiles.Docker("inference-gpu.Dockerfile"));

        // Assert
        Assert.Equal(["inference", "web1", "web2"], builds.Keys.Order(StringComparer.Ordinal));
        Assert.All(builds.Values, b => Assert.True(File.Exists(Path.Combine(DeploymentFiles.Root, "docker", (string)b["context"], (string)b["dockerfile"]))));
        Assert.Contains("driver: nvidia", new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(inference["deploy"]), StringComparison.Ordinal);
        Assert.Contains("-p:DesignerGpu=true", gpuText, StringComparison.Ordinal);
        Assert.Contains("FROM nvidia/cuda:", gpuText, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"dotnet publish (?<project>\S+\.csproj)")]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"ENTRYPOINT \[""dotnet"", ""(?<dll>[^""]+)""\]")]
    private static partial Regex EntryPoint();
}
