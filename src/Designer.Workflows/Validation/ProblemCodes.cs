namespace Designer.Workflows.Validation;

/// <summary>The stable problem codes; clients may switch on them, so never rename one.</summary>
public static class ProblemCodes
{
    /// <summary>The document is not valid JSON (or nests deeper than 64 levels).</summary>
    public const string JsonMalformed = "json.malformed";

    /// <summary>A value has the wrong JSON type.</summary>
    public const string JsonType = "json.type";

    /// <summary>A required property is missing or null.</summary>
    public const string JsonRequired = "json.required";

    /// <summary>A size limit of <see cref="Serialization.WorkflowLimits"/> is exceeded.</summary>
    public const string JsonLimit = "json.limit";

    /// <summary>An id is empty, too long or has characters outside <c>[A-Za-z0-9_.:-]</c>.</summary>
    public const string JsonInvalidId = "json.invalidId";

    /// <summary>The schema version is not supported.</summary>
    public const string WorkflowSchemaVersion = "workflow.schemaVersion";

    /// <summary>The workflow has no name.</summary>
    public const string WorkflowNameRequired = "workflow.nameRequired";

    /// <summary>A node's kind is not in the catalogue.</summary>
    public const string NodeUnknownKind = "node.unknownKind";

    /// <summary>Two nodes share an id.</summary>
    public const string NodeDuplicateId = "node.duplicateId";

    /// <summary>A node has no name.</summary>
    public const string NodeNameRequired = "node.nameRequired";

    /// <summary>A node cannot be reached from the start node.</summary>
    public const string NodeUnreachable = "node.unreachable";

    /// <summary>A non-end node has no outgoing edge.</summary>
    public const string NodeDeadEnd = "node.deadEnd";

    /// <summary>Two edges share an id.</summary>
    public const string EdgeDuplicateId = "edge.duplicateId";

    /// <summary>An edge starts at a node that does not exist.</summary>
    public const string EdgeDanglingSource = "edge.danglingSource";

    /// <summary>An edge ends at a node that does not exist.</summary>
    public const string EdgeDanglingTarget = "edge.danglingTarget";

    /// <summary>An edge starts at a port the source kind does not have.</summary>
    public const string EdgeUnknownSourcePort = "edge.unknownSourcePort";

    /// <summary>An edge ends at a port other than the target's <c>in</c>.</summary>
    public const string EdgeUnknownTargetPort = "edge.unknownTargetPort";

    /// <summary>An edge connects a node to itself.</summary>
    public const string EdgeSelfLoop = "edge.selfLoop";

    /// <summary>Two edges connect the same ports.</summary>
    public const string EdgeDuplicate = "edge.duplicate";

    /// <summary>There is no start node.</summary>
    public const string GraphNoStart = "graph.noStart";

    /// <summary>There is more than one start node.</summary>
    public const string GraphMultipleStarts = "graph.multipleStarts";

    /// <summary>There is no end node.</summary>
    public const string GraphNoEnd = "graph.noEnd";

    /// <summary>A node lies on a cycle.</summary>
    public const string GraphCycle = "graph.cycle";

    /// <summary>A required config field is missing.</summary>
    public const string ConfigRequired = "config.required";

    /// <summary>A config field has the wrong JSON type.</summary>
    public const string ConfigType = "config.type";

    /// <summary>A config value is outside its allowed range or set.</summary>
    public const string ConfigInvalidValue = "config.invalidValue";

    /// <summary>A referenced model or collection does not exist.</summary>
    public const string ConfigUnknownReference = "config.unknownReference";

    /// <summary>An expression does not parse.</summary>
    public const string ExpressionSyntax = "expression.syntax";

    /// <summary>A template has unbalanced or empty <c>{{ }}</c> placeholders.</summary>
    public const string TemplateSyntax = "template.syntax";

    /// <summary>A prompt template reads a variable that no run provides (not in the start schema, not upstream, not a run field).</summary>
    public const string TemplateUnknownVariable = "template.unknownVariable";

    /// <summary>The start node's input schema is not a valid schema of the supported subset.</summary>
    public const string SchemaInvalid = "schema.invalid";

    /// <summary>An Elsa document could not be read.</summary>
    public const string ElsaMalformed = "elsa.malformed";

    /// <summary>An Elsa activity is not a <c>Designer.*</c> kind from the catalogue; it was skipped.</summary>
    public const string ElsaUnknownActivity = "elsa.unknownActivity";

    /// <summary>An Elsa connection refers to a missing or skipped activity; it was skipped.</summary>
    public const string ElsaDanglingConnection = "elsa.danglingConnection";
}
