using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class RetrievalKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Retrieval,
        DisplayName = "Retrieval",
        Group = "AI",
        Icon = "search",
        Description = "Searches a document collection and passes the hits on as evidence.",
        InputPorts = In,
        OutputPorts = [new("found", "Found"), new("empty", "Empty")],
        ConfigType = typeof(RetrievalConfig),
        Fields =
        [
            Field("collection", ConfigFieldTypes.String, "Collection to search.", required: true),
            Field("queryTemplate", ConfigFieldTypes.Template, "Query text template.", required: true),
            new("topK", ConfigFieldTypes.Integer, false, "Number of hits (1-100).", 5),
            Field("minScore", ConfigFieldTypes.Number, "Drop hits scoring below this."),
            Field("filter", ConfigFieldTypes.Object, "Payload filter."),
            new("mode", ConfigFieldTypes.String, false, "dense, lexical or hybrid.", "hybrid"),
            Field("denseWeight", ConfigFieldTypes.Number, "Dense weight of hybrid (0-1); the collection's when empty."),
        ],
    };
}
