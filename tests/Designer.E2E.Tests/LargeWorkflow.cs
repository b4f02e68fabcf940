using System.Text.Json.Nodes;

namespace Designer.E2E.Tests;

/// <summary>A generated workflow of a given size for the canvas benchmark: a grid of nodes, a chain plus cross links.</summary>
internal static class LargeWorkflow
{
    private static readonly (string Kind, string Port)[] Kinds =
        [("retrieval", "found"), ("model", "ok"), ("policy", "pass"), ("humanGate", "approved"), ("condition", "true")];

    public static JsonObject Create(int nodes, int edges)
    {
        // The small baseline draft is a compact grid; a large one is a wide grid, as a long flow would be.
        var columns = nodes <= 100 ? 10 : 40;
        var nodeArray = new JsonArray();
        var edgeArray = new JsonArray();
        for (var i = 0; i < nodes; i++)
        {
            var (kind, _) = i == 0 ? ("start", "next") : i == nodes - 1 ? ("end", string.Empty) : Kinds[i % Kinds.Length];
            var config = kind == "condition" ? new JsonObject { ["expression"] = "true" } : new JsonObject();
            nodeArray.Add(new JsonObject
            {
                ["id"] = $"n{i}", ["kind"] = kind, ["name"] = $"{kind} {i}",
                ["position"] = new JsonObject { ["x"] = (i % columns) * 260, ["y"] = (i / columns) * 140 },
                ["config"] = config,
            });
        }

        for (var e = 0; e < edges; e++)
        {
            // First a chain through every node, then links one row down from node 1 on (from a second port, so
            // never duplicates).
            var (from, to) = e < nodes - 1 ? (e, e + 1) : (e - nodes + 2, e - nodes + 2 + columns);
            var port = from == 0 ? "next" : e < nodes - 1 ? Kinds[from % Kinds.Length].Port : SecondPort(from);
            edgeArray.Add(new JsonObject
            {
                ["id"] = $"e{e}",
                ["from"] = new JsonObject { ["node"] = $"n{from}", ["port"] = port },
                ["to"] = new JsonObject { ["node"] = $"n{to}", ["port"] = "in" },
            });
        }

        return new JsonObject { ["schemaVersion"] = 1, ["name"] = $"Benchmark {nodes}", ["nodes"] = nodeArray, ["edges"] = edgeArray };
    }

    private static string SecondPort(int node) => (node % Kinds.Length) switch
    {
        0 => "empty", 1 => "error", 2 => "block", 3 => "rejected", _ => "else",
    };
}
