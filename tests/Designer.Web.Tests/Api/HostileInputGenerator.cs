using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Web.Tests.Api;

/// <summary>Seeded generator of malformed and hostile workflow documents.</summary>
internal static class HostileInputGenerator
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "'; DROP TABLE \"Workflows\"; --", "\u0000\u0001\u0002", "{{7*7}}", "${jndi:ldap://x}",
        "🔥🔥🔥", "\ud800", "../../etc/passwd", new string('x', 20_000),
    ];

    private static readonly JsonNode?[] WrongValues =
        [null, JsonValue.Create(42), JsonValue.Create("text"), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create(-1e308)];

    public static IEnumerable<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var valid = WorkflowJson.Serialize(DemoWorkflows.DisputeTriage());
        for (var i = 0; i < count; i++)
        {
            yield return (i % 6) switch
            {
                0 => MutateBytes(valid, random),
                1 => valid[..random.Next(valid.Length)],
                2 => WrongType(valid, random),
                3 => HostileStrings(valid, random),
                4 => DeepNesting(random.Next(65, 5_000)),
                _ => Structural(valid, random),
            };
        }
    }

    private static string MutateBytes(string json, Random random)
    {
        var chars = json.ToCharArray();
        for (var n = random.Next(1, 8); n > 0; n--)
        {
            chars[random.Next(chars.Length)] = "{}[]\",:0a\\ "[random.Next(11)];
        }

        return new string(chars);
    }

    private static string WrongType(string json, Random random)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var node = root["nodes"]!.AsArray()[random.Next(root["nodes"]!.AsArray().Count)]!.AsObject();
        var target = random.Next(4) switch
        {
            0 => (JsonObject)root,
            1 => node,
            2 => node["position"]!.AsObject(),
            _ => node["config"]!.AsObject(),
        };
        var keys = target.Select(p => p.Key).ToList();
        if (keys.Count > 0)
        {
            target[keys[random.Next(keys.Count)]] = WrongValues[random.Next(WrongValues.Length)]?.DeepClone();
        }

        return root.ToJsonString();
    }

    private static string HostileStrings(string json, Random random)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var node = root["nodes"]!.AsArray()[random.Next(root["nodes"]!.AsArray().Count)]!.AsObject();
        var value = Hostile[random.Next(Hostile.Length)];
        switch (random.Next(4))
        {
            case 0: root["name"] = value; break;
            case 1: node["name"] = value; break;
            case 2: node["id"] = value; break;
            default: node["kind"] = value; break;
        }

        return root.ToJsonString();
    }

    private static string DeepNesting(int depth)
    {
        var text = new StringBuilder("{\"schemaVersion\":1,\"name\":\"deep\",\"nodes\":[],\"edges\":[],\"x\":");
        text.Append('[', depth).Append(']', depth).Append('}');
        return text.ToString();
    }

    private static string Structural(string json, Random random) => random.Next(5) switch
    {
        0 => "[]",
        1 => "null",
        2 => "\"just a string\"",
        3 => json.Replace("\"nodes\"", "\"nodez\"", StringComparison.Ordinal),
        _ => "{\"schemaVersion\":\"one\",\"nodes\":{},\"edges\":7}",
    };
}
