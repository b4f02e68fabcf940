namespace Designer.Workflows.Catalogue;

/// <summary>The node kind identifiers used in <see cref="Definitions.NodeDefinition.Kind"/>.</summary>
public static class NodeKinds
{
    /// <summary>Entry point; validates the run input.</summary>
    public const string Start = "start";

    /// <summary>Looks up evidence in a document collection.</summary>
    public const string Retrieval = "retrieval";

    /// <summary>Calls a registry model or a chat model.</summary>
    public const string Model = "model";

    /// <summary>Evaluates ordered rules into a verdict.</summary>
    public const string Policy = "policy";

    /// <summary>Waits for a human decision.</summary>
    public const string HumanGate = "humanGate";

    /// <summary>Routes on an expression or switch cases.</summary>
    public const string Condition = "condition";

    /// <summary>Calls an admin-approved HTTP connection (issue 16).</summary>
    public const string Action = "action";

    /// <summary>Terminates the run and shapes its output.</summary>
    public const string End = "end";

    /// <summary>The id of the single input port every non-start kind has.</summary>
    public const string InputPort = "in";
}
