using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Designer.Web.Tests.Deployment;

/// <summary>Reads docker/ from the repository this test assembly was built from.</summary>
internal static class DeploymentFiles
{
    public static string Root { get; } = FindRoot();

    public static string Docker(string name) => Path.Combine(Root, "docker", name);

    /// <summary>compose.yaml with merge keys (<c>&lt;&lt;: *anchor</c>) resolved, as nested dictionaries.</summary>
    public static Dictionary<object, object> Compose()
    {
        using var reader = new StreamReader(Docker("compose.yaml"));
        return new DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    /// <summary>Each service's definition.</summary>
    public static Dictionary<string, Dictionary<object, object>> Services() =>
        ((Dictionary<object, object>)Compose()["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);

    /// <summary>Each service's environment (empty when it sets none).</summary>
    public static Dictionary<string, Dictionary<string, string>> Environments() =>
        Services().ToDictionary(
            s => s.Key,
            s => s.Value.TryGetValue("environment", out var environment)
                ? ((Dictionary<object, object>)environment).ToDictionary(e => (string)e.Key, e => (string)e.Value)
                : []);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Designer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Designer.sln above {AppContext.BaseDirectory}.");
    }
}
