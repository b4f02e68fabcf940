using System.Text.Json.Nodes;

namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Config of a <c>retrieval</c> node.</summary>
public sealed class RetrievalConfig
{
    /// <summary>The retrieval modes accepted in <see cref="Mode"/>.</summary>
    public static readonly IReadOnlyList<string> Modes = ["dense", "lexical", "hybrid"];

    /// <summary>Name of the document collection to search.</summary>
    public string Collection { get; set; } = string.Empty;

    /// <summary>Query text template, e.g. <c>{{input.description}}</c>.</summary>
    public string QueryTemplate { get; set; } = string.Empty;

    /// <summary>Number of hits to return, 1..100.</summary>
    public int TopK { get; set; } = 5;

    /// <summary>Hits scoring below this are dropped; when none remain the <c>empty</c> port fires.</summary>
    public double? MinScore { get; set; }

    /// <summary>Optional payload filter passed to the index.</summary>
    public JsonObject? Filter { get; set; }

    /// <summary>One of <see cref="Modes"/>.</summary>
    public string Mode { get; set; } = "hybrid";

    /// <summary>
    /// The dense weight of <c>hybrid</c> in [0, 1] for this node (1 = dense only, 0 = lexical only); when absent the
    /// collection's weight, else its model's default applies.
    /// </summary>
    public double? DenseWeight { get; set; }
}
