using System.Globalization;
using System.Text.Json.Nodes;

namespace Designer.Workflows.Demo;

/// <summary>Node configs of the dispute triage demo, kept apart so the graph reads at a glance.</summary>
internal static class DisputeTriageConfigs
{
    public static JsonObject Start() => new()
    {
        ["inputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("amount", "currency", "category", "merchant", "description"),
            ["properties"] = new JsonObject
            {
                ["amount"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                ["currency"] = new JsonObject { ["type"] = "string", ["minLength"] = 3, ["maxLength"] = 3 },
                ["category"] = new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = new JsonArray("fraud", "not-received", "duplicate", "quality", "other"),
                },
                ["merchant"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
                ["description"] = new JsonObject { ["type"] = "string", ["maxLength"] = 4000 },
                ["customerTenureMonths"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },

                // The merchant's observed dispute rate as the bank's merchant-risk data had it when the dispute came in
                // (issue 13): the intake enriches the dispute with it, so the run (and any dataset built from runs)
                // records the value the decision saw, and an evaluation replays it exactly.
                ["merchantDisputeRate"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
        },
    };

    /// <summary>
    /// The refund action of the auto-resolve branch: a POST whose body holds only what a refund needs (no
    /// description or other personal text), the run-and-node idempotency key the runtime adds, and a compensating
    /// DELETE of the refund the receiver returned.
    /// </summary>
    public static JsonObject Refund(string connection) => new()
    {
        ["method"] = "POST",
        ["connection"] = connection,
        ["pathTemplate"] = "refunds",
        ["bodyTemplate"] = """{"amount":{{input.amount}},"currency":"{{input.currency}}","category":"{{input.category}}","reason":"auto-resolved dispute"}""",
        ["responseMapping"] = new JsonObject { ["refundId"] = "response.body.id" },
        ["timeoutMs"] = 10000,
        ["compensation"] = new JsonObject
        {
            ["method"] = "DELETE",
            ["pathTemplate"] = "refunds/{{response.body.id}}",
        },
    };

    public static JsonObject Retrieval() => new()
    {
        ["collection"] = "past-disputes",
        ["queryTemplate"] = "{{input.description}}",
        ["topK"] = 5,
        ["mode"] = "hybrid",
    };

    public static JsonObject Model() => new()
    {
        ["model"] = "dispute-risk",
        ["modelVersion"] = 1,
        ["inputMapping"] = new JsonObject
        {
            ["amount"] = "input.amount",
            ["currency"] = "input.currency",
            ["category"] = "input.category",
            ["merchant"] = "input.merchant",
            ["description"] = "input.description",
            ["customerTenureMonths"] = "input.customerTenureMonths ?? 0",
            ["merchantDisputeRate"] = "input.merchantDisputeRate ?? 0",
            ["similarDisputes"] = "nodes.similar.hits.length",
        },
        ["latencySloMs"] = 250,
        ["onSloBreach"] = "degraded",
        ["minConfidence"] = 0.6,
        ["costPerCall"] = 0.0004m,
    };

    /// <summary>The triage policy; only the <c>high-risk</c> rule's threshold differs between demo versions.</summary>
    /// <param name="riskThreshold">Risk score above which a dispute goes to review (v1: 0.7).</param>
    public static JsonObject Policy(double riskThreshold = 0.7) => new()
    {
        ["rules"] = new JsonArray(
            Rule("fraud", "Fraud claims need an analyst", "input.category === 'fraud'", "review"),
            Rule("high-amount", "Amounts over 5,000", "input.amount > 5000", "review"),
            Rule(
                "high-risk",
                string.Create(CultureInfo.InvariantCulture, $"Risk score over {riskThreshold}"),
                string.Create(CultureInfo.InvariantCulture, $"nodes.risk.score > {riskThreshold}"),
                "review"),
            Rule("default", "Otherwise pass", "true", "pass")),
        ["redactPii"] = true,
    };

    /// <summary>
    /// The chat-model step. <c>resolution-drafter</c> is not registered on a fresh clone, so the step degrades with
    /// "no chat model configured" until an admin allows an endpoint and an approver approves a version (README).
    /// </summary>
    public static JsonObject DraftResolution() => new()
    {
        ["chatModel"] = "resolution-drafter",
        ["systemPrompt"] = "You assist a card-dispute analyst. Draft a resolution for the analyst to review. "
            + "Use only the facts given; say what is missing instead of guessing.",
        ["promptTemplate"] = "Dispute: {{input.category}} claim of {{input.amount}} {{input.currency}} at {{input.merchant}}.\n"
            + "Customer's account: {{input.description}}\n"
            + "Risk score: {{nodes.risk ? nodes.risk.score : 'unavailable'}}\n"
            + "Similar past disputes: {{nodes.similar ? nodes.similar.hits : 'none'}}",
        ["outputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("resolution", "rationale", "confidence"),
            ["properties"] = new JsonObject
            {
                ["resolution"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 2000 },
                ["rationale"] = new JsonObject { ["type"] = "string", ["maxLength"] = 2000 },
                ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
        },
        ["confidenceField"] = "confidence",
        ["minConfidence"] = 0.5,
        ["latencySloMs"] = 20000,
        ["runTokenBudget"] = 8000,
        ["restorePlaceholders"] = false,
    };

    public static JsonObject HumanGate() => new()
    {
        ["assigneeRole"] = "approver",
        ["instructions"] = "Review the {{input.category}} dispute of {{input.amount}} {{input.currency}} at {{input.merchant}}. "
            + "Draft resolution: {{nodes.draft ? (nodes.draft.output.resolution ?? nodes.draft.reason) : 'none'}}",
        ["decisions"] = new JsonArray("approve", "reject"),
        ["editableFields"] = new JsonArray("resolution"),
        ["slaMinutes"] = 240,
        ["timeoutAction"] = "timeout",
    };

    public static JsonObject AnalystEnd() => new()
    {
        ["outputMapping"] = new JsonObject
        {
            ["decision"] = "nodes.review.decision",
            ["resolution"] = "nodes.review.fields.resolution",
        },
    };

    private static JsonObject Rule(string id, string name, string expression, string verdict) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["expression"] = expression,
        ["verdict"] = verdict,
    };
}
