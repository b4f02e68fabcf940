using System.Text;
using Designer.Workflows.Demo;

namespace Designer.Workflows.Tests.TestSupport;

/// <summary>A seeded generator of malformed and hostile workflow documents for parser robustness tests.</summary>
internal static class HostileDocuments
{
    private static readonly string[] Values =
    [
        "null", "true", "0", "-1", "1e400", "\"\"", "\"<script>alert(1)</script>\"", "[]", "{}", "[[[[]]]]",
        "\"\\u0000\"", "12345678901234567890123", "\"" + new string('x', 20_000) + "\"", "{\"x\":{\"y\":null}}",
    ];

    private static readonly string[] Keys =
    [
        "schemaVersion", "name", "description", "nodes", "edges", "id", "kind", "position", "config", "from", "to",
        "x", "y", "node", "port", "rules", "cases", "inputSchema", "topK",
    ];

    public static IEnumerable<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var valid = DemoWorkflows.DisputeTriageJson();
        for (var i = 0; i < count; i++)
        {
            yield return (i % 5) switch
            {
                0 => MutateBytes(valid, random),
                1 => ReplaceValue(valid, random),
                2 => Deep(random),
                3 => Truncate(valid, random),
                _ => RandomObject(random, depth: 0),
            };
        }
    }

    private static string MutateBytes(string valid, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        for (var n = random.Next(1, 20); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    // Swaps the value after a random known key for a hostile one, producing type errors in every position.
    private static string ReplaceValue(string valid, Random random)
    {
        var key = $"\"{Keys[random.Next(Keys.Length)]}\": ";
        var at = valid.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return valid;
        }

        var start = at + key.Length;
        var end = valid.IndexOfAny([',', '\n'], start);
        return string.Concat(valid.AsSpan(0, start), Values[random.Next(Values.Length)], valid.AsSpan(end < 0 ? start : end));
    }

    private static string Deep(Random random)
    {
        var depth = random.Next(50, 200);
        return $"{{\"schemaVersion\":1,\"name\":\"deep\",\"nodes\":{new string('[', depth)}{new string(']', depth)},\"edges\":[]}}";
    }

    private static string Truncate(string valid, Random random) => valid[..random.Next(valid.Length)];

    private static string RandomObject(Random random, int depth)
    {
        if (depth > 4 || random.Next(3) == 0)
        {
            return Values[random.Next(Values.Length)];
        }

        var members = Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => $"\"{Keys[random.Next(Keys.Length)]}\":{(random.Next(2) == 0 ? RandomObject(random, depth + 1) : $"[{RandomObject(random, depth + 1)}]")}");
        return "{" + string.Join(",", members) + "}";
    }
}
