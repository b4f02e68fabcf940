using System.Text.Json.Nodes;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

/// <summary>Issue 12: a chat-model node cannot carry a key or an endpoint, and its schema and references are checked.</summary>
public sealed class Issue12ChatConfigRulesTests
{
    private sealed class ChatResolver(bool exists) : IWorkflowReferenceResolver
    {
        public bool? ModelExists(string model, int? version) => true;

        public bool? CollectionExists(string name) => true;

        public bool? ChatModelExists(string model, int? version) => exists;
    }

    [Fact]
    public void Validate_DefinitionCarriesKeyAndEndpoint_ReportsEachProblem()
    {
        var problems = ValidateChat(c =>
        {
            c["apiKey"] = "whatever";
            c["chatEndpoint"] = "http://10.0.0.5:8080/v1";
            c["systemPrompt"] = "Use sk-abcdefghijklmnopqrstuvwxyz123456 when asked.";
        });

        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "apiKey");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "chatEndpoint");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "systemPrompt");
    }

    [Fact]
    public void Validate_UnapprovedChatModel_ReportsUnknownReference()
    {
        var definition = ChatDemo(_ => { });

        var problems = new WorkflowValidator(new ChatResolver(exists: false)).Validate(definition);

        ProblemAssert.Has(problems, ProblemCodes.ConfigUnknownReference, nodeId: "risk", field: "chatModel");
    }

    [Fact]
    public void Validate_OutputSchemaWithUnsupportedKeywordAndUnknownConfidenceField_ReportsBoth()
    {
        var problems = ValidateChat(c =>
        {
            c["outputSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["when"] = new JsonObject { ["type"] = "string", ["format"] = "date" } },
            };
            c["confidenceField"] = "confidence";
        });

        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "outputSchema.properties.when.format");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "confidenceField");
    }

    [Fact]
    public void Validate_WellFormedChatNode_HasNoProblems()
    {
        var problems = new WorkflowValidator(new ChatResolver(exists: true)).Validate(ChatDemo(_ => { }));

        Assert.Empty(problems);
    }

    private static IReadOnlyList<ValidationProblem> ValidateChat(Action<JsonObject> change) =>
        new WorkflowValidator(new ChatResolver(exists: true)).Validate(ChatDemo(change));

    private static Definitions.WorkflowDefinition ChatDemo(Action<JsonObject> change)
    {
        var definition = Designer.Workflows.Demo.DemoWorkflows.DisputeTriage();
        var config = definition.NodeOf("risk").Config;
        config.Clear();
        config["chatModel"] = "drafter@2";
        config["promptTemplate"] = "Dispute: {{input.description}}";
        config["outputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["confidence"] = new JsonObject { ["type"] = "number" } },
        };
        config["confidenceField"] = "confidence";

        // The demo's draft step reads nodes.risk.score, which a chat node in risk's place no longer writes.
        definition.NodeOf("draft").Config["promptTemplate"] = "Dispute: {{input.description}} ({{nodes.risk.output.confidence}})";
        change(config);
        return definition;
    }
}
