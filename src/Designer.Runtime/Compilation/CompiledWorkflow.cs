using Designer.Runtime.Policies;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Compilation;

/// <summary>A published version compiled into a MAF workflow; immutable and shared by every run of the version.</summary>
public sealed class CompiledWorkflow
{
    private readonly Func<Workflow> _workflowFactory;

    internal CompiledWorkflow(string contentHash, WorkflowDefinition definition, Func<Workflow> workflowFactory, string startNodeId, IReadOnlyList<string> gateNodeIds, RedactionPolicy redaction, IReadOnlyDictionary<string, Executors.NodeExecutor> executors)
    {
        Executors = executors;
        ContentHash = contentHash;
        Definition = definition;
        _workflowFactory = workflowFactory;
        StartNodeId = startNodeId;
        GateNodeIds = gateNodeIds;
        Redaction = redaction;
    }

    /// <summary>The shared executor per node id (the benchmark calls them without MAF to measure its overhead).</summary>
    internal IReadOnlyDictionary<string, Executors.NodeExecutor> Executors { get; }

    /// <summary>Content hash of the version; checkpoints only resume on the same hash.</summary>
    public string ContentHash { get; }

    /// <summary>The definition it was compiled from (do not mutate).</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>Builds the MAF workflow for one run (MAF allows one owner per workflow object).</summary>
    /// <returns>A fresh workflow over the shared executors.</returns>
    public Workflow CreateWorkflow() => _workflowFactory();

    /// <summary>Where every run begins: the definition's Start node.</summary>
    public string StartNodeId { get; }

    /// <summary>The human gate node ids.</summary>
    public IReadOnlyList<string> GateNodeIds { get; }

    /// <summary>What the trace masks for this workflow.</summary>
    public RedactionPolicy Redaction { get; }
}
