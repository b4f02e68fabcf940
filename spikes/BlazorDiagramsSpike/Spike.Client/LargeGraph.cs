using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;

namespace Spike.Client;

/// <summary>
/// tests/Designer.E2E.Tests/LargeWorkflow.cs ported to Blazor.Diagrams: the same nodes on the same grid (40 columns
/// for a large draft, 260 × 140 px), a chain through every node, then links one row down from node 1 on.
/// Every node gets one input port (left) and one output port (right); the designer's named ports are not modelled.
/// </summary>
public static class LargeGraph
{
    private static readonly string[] Kinds = ["retrieval", "model", "policy", "humanGate", "condition"];

    public static BlazorDiagram Build(int nodes, int edges, bool virtualize)
    {
        var options = new BlazorDiagramOptions();
        options.Virtualization.Enabled = virtualize;
        var diagram = new BlazorDiagram(options);
        var columns = nodes <= 100 ? 10 : 40;
        var models = new NodeModel[nodes];
        diagram.Batch(() =>
        {
            for (var i = 0; i < nodes; i++)
            {
                var kind = i == 0 ? "start" : i == nodes - 1 ? "end" : Kinds[i % Kinds.Length];
                var node = new NodeModel($"n{i}", new Point((i % columns) * 260, (i / columns) * 140)) { Title = $"{kind} {i}" };
                node.AddPort(PortAlignment.Left);
                node.AddPort(PortAlignment.Right);
                models[i] = node;
            }

            diagram.Nodes.Add(models);
            var links = new List<LinkModel>(edges);
            for (var e = 0; e < edges; e++)
            {
                var (from, to) = e < nodes - 1 ? (e, e + 1) : (e - nodes + 2, e - nodes + 2 + columns);
                links.Add(new LinkModel($"e{e}", models[from].Ports[1], models[to].Ports[0]));
            }

            diagram.Links.Add(links);
        });
        return diagram;
    }
}
