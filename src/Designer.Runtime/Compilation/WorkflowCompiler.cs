using System.Collections.Concurrent;
using Designer.Runtime.Executors;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Policies;
using Designer.Runtime.State;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Compilation;

/// <summary>
/// Compiles a published version into a MAF workflow: one executor per node (id = node id, one class per kind), one
/// conditional edge per (source, target) pair that fires for the ports wired between them, and a request port per
/// human gate. Results are cached by content hash — versions are immutable, so the hash identifies the shape.
/// </summary>
public sealed class WorkflowCompiler
{
    private readonly RuntimeServices _services;
    private readonly WorkflowValidator _validator = new();
    private readonly ConcurrentDictionary<string, Lazy<CompiledWorkflow>> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a compiler whose workflows call <paramref name="services"/>.</summary>
    public WorkflowCompiler(RuntimeServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>Number of compiled versions held.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Compiles <paramref name="definition"/>, or returns the cached result for <paramref name="contentHash"/>.</summary>
    /// <param name="definition">The version's definition; must be valid.</param>
    /// <param name="contentHash">The version's content hash.</param>
    /// <exception cref="WorkflowCompilationException">The definition is invalid or needs a missing backend.</exception>
    public CompiledWorkflow Compile(WorkflowDefinition definition, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        var lazy = _cache.GetOrAdd(contentHash, hash => new Lazy<CompiledWorkflow>(() => Build(definition, hash)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Failed compilations are not cached: the next call (e.g. after a backend is registered) retries.
            _cache.TryRemove(KeyValuePair.Create(contentHash, lazy));
            throw;
        }
    }

    private CompiledWorkflow Build(WorkflowDefinition definition, string contentHash)
    {
        // Unknown template variables are refused when a version is saved or submitted (issue 12); a version published
        // before that rule still runs, reading such a variable as undefined, so it is not a compilation error.
        var problems = _validator.Validate(definition)
            .Where(p => p.Code != ProblemCodes.TemplateUnknownVariable)
            .Select(p => p.NodeId is null ? $"{p.Code}: {p.Message}" : $"{p.Code} ({p.NodeId}): {p.Message}")
            .ToList();
        if (problems.Count > 0)
        {
            throw new WorkflowCompilationException(problems);
        }

        var redaction = RedactionFor(definition);
        var executors = new Dictionary<string, NodeExecutor>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            if (CreateExecutor(node, redaction, problems) is { } executor)
            {
                executors[node.Id] = executor;
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkflowCompilationException(problems);
        }

        var start = definition.Nodes.Single(n => n.Kind == NodeKinds.Start).Id;
        var gates = executors.Values.OfType<HumanGateExecutor>().Select(e => e.Id).ToList();
        var edges = definition.Edges
            .GroupBy(e => (Source: e.From.Node, Target: e.To.Node))
            .Select(g => (g.Key.Source, g.Key.Target, Ports: g.Select(e => e.From.Port).ToHashSet(StringComparer.Ordinal)))
            .ToList();

        // MAF lets one runner own a Workflow object at a time, so each run gets a fresh graph over the same
        // (stateless, cross-run shareable) executor instances; building it is cheap next to validation.
        Workflow CreateWorkflow()
        {
            var bindings = executors.ToDictionary(e => e.Key, e => e.Value.BindExecutor(), StringComparer.Ordinal);
            var builder = new WorkflowBuilder(bindings[start]).WithName(definition.Name);
            foreach (var (source, target, ports) in edges)
            {
                builder.AddEdge<object>(bindings[source], bindings[target], message => Routes(message, source, ports));
            }

            foreach (var gate in gates)
            {
                var port = RequestPort.Create<HumanGateRequest, HumanDecision>(HumanGateExecutor.PortId(gate)).BindAsExecutor(false);
                builder.AddEdge<object>(bindings[gate], port, message => message is HumanGateRequest);
                builder.AddEdge(port, bindings[gate]);
            }

            builder.WithOutputFrom([.. executors.Values.OfType<EndExecutor>().Select(e => bindings[e.Id])]);
            return builder.Build();
        }

        CreateWorkflow(); // Fail at compile time, not at the first run, if MAF rejects the graph.
        return new CompiledWorkflow(contentHash, definition, CreateWorkflow, start, gates, redaction, executors);
    }

    private static bool Routes(object? message, string source, HashSet<string> ports) =>
        message is NodeMessage m && m.SourceNode == source && ports.Contains(m.Port);

    private NodeExecutor? CreateExecutor(NodeDefinition node, RedactionPolicy redaction, List<string> problems)
    {
        switch (node.Kind)
        {
            case NodeKinds.Start:
                return Read<StartConfig>(node, problems) is { } start ? new StartExecutor(node, start, _services, redaction) : null;
            case NodeKinds.Condition:
                return Read<ConditionConfig>(node, problems) is { } condition ? new ConditionExecutor(node, condition, _services, redaction) : null;
            case NodeKinds.Policy:
                return Read<PolicyConfig>(node, problems) is { } policy ? new PolicyExecutor(node, policy, _services, redaction) : null;
            case NodeKinds.HumanGate:
                return Read<HumanGateConfig>(node, problems) is { } gate ? new HumanGateExecutor(node, gate, _services, redaction) : null;
            case NodeKinds.End:
                return Read<EndConfig>(node, problems) is { } end ? new EndExecutor(node, end, _services, redaction) : null;
            case NodeKinds.Model:
                var model = Read<ModelConfig>(node, problems);

                // Chat-model nodes need no inference client; without chat services they follow degraded at run time.
                if (model is not null && string.IsNullOrWhiteSpace(model.ChatModel) && _services.Inference is null)
                {
                    problems.Add($"node '{node.Id}': model nodes need an IInferenceClient, and none is registered");
                    return null;
                }

                return model is null ? null : new ModelExecutor(node, model, _services.Inference, _services, redaction);
            case NodeKinds.Retrieval:
                if (_services.VectorSearch is null)
                {
                    problems.Add($"node '{node.Id}': retrieval nodes need an IVectorSearch, and none is registered");
                    return null;
                }

                return Read<RetrievalConfig>(node, problems) is { } retrieval ? new RetrievalExecutor(node, retrieval, _services.VectorSearch, _services, redaction) : null;
            case NodeKinds.Action when _services.ShadowActions:
                return Read<ActionConfig>(node, problems) is { } shadowAction ? new ShadowActionExecutor(node, shadowAction, _services, redaction) : null;
            case NodeKinds.Action:
                if (_services.Actions is null)
                {
                    problems.Add($"node '{node.Id}': action nodes need action connections, and none are registered");
                    return null;
                }

                return Read<ActionConfig>(node, problems) is { } action ? new ActionExecutor(node, action, _services.Actions, _services, redaction) : null;
            default:
                problems.Add($"node '{node.Id}': kind '{node.Kind}' has no executor");
                return null;
        }
    }

    private static T? Read<T>(NodeDefinition node, List<string> problems)
        where T : class, new()
    {
        if (NodeConfigReader.TryRead<T>(node.Config, out var config, out var error, out _))
        {
            return config;
        }

        problems.Add($"node '{node.Id}': {error}");
        return null;
    }

    private static RedactionPolicy RedactionFor(WorkflowDefinition definition)
    {
        var detect = false;
        var fields = new List<string>();
        foreach (var node in definition.Nodes.Where(n => n.Kind == NodeKinds.Policy))
        {
            if (NodeConfigReader.TryRead<PolicyConfig>(node.Config, out var policy, out _, out _) && policy is not null)
            {
                detect |= policy.RedactPii;
                fields.AddRange(policy.RedactFields ?? []);
            }
        }

        return new RedactionPolicy(detect, fields);
    }
}
