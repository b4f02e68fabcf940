using System.Text.Json.Nodes;
using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>The inspector's typed form for every kind: each edit reports a new config with the edited value.</summary>
public sealed class InspectorTests : UiTestContext
{
    private JsonObject? _changed;

    [Theory]
    [InlineData("start", "start-form", "input-field-new", null, null)]
    [InlineData("retrieval", "retrieval-form", "collection", "past-disputes", "collection")]
    [InlineData("retrieval", "retrieval-form", "query-template", "{{ input.text }}", "queryTemplate")]
    [InlineData("model", "model-form", "model-id", "dispute-risk", "model")]
    [InlineData("model", "model-form", "latency-slo", "250", "latencySloMs")]
    [InlineData("policy", "policy-form", "list-field", "merchant", "listField")]
    [InlineData("policy", "policy-form", "deny-list", "a, b", "denyList")]
    [InlineData("humanGate", "human-gate-form", "instructions", "Check it", "instructions")]
    [InlineData("humanGate", "human-gate-form", "sla-minutes", "30", "slaMinutes")]
    [InlineData("condition", "condition-form", "condition-expression", "input.amount > 100", "expression")]
    [InlineData("end", "end-form", "output-mapping-new-key", null, null)]
    public void Edit_FieldOfKind_ReportsNewConfig(string kind, string form, string field, string? value, string? key)
    {
        // Arrange
        var cut = RenderInspector(kind, []);
        Assert.NotNull(cut.Find($"[data-testid={form}]"));

        // Act
        if (value is not null)
        {
            Input(cut, field).Change(value);
        }

        // Assert
        if (key is not null)
        {
            Assert.NotNull(_changed);
            var written = _changed![key]!;
            var text = written is JsonValue v && v.TryGetValue<string>(out var s) ? s : written.ToJsonString();
            Assert.Contains(value!.Split(',')[0].Trim(), text, StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(Input(cut, field));
        }
    }

    [Fact]
    public void StartForm_AddField_WritesSchemaProperty()
    {
        var cut = RenderInspector("start", []);

        Input(cut, "input-field-new").Change("amount");
        cut.Find("[data-testid=input-field-add]").Click();

        Assert.Equal("string", _changed!["inputSchema"]!["properties"]!["amount"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void EndForm_AddOutput_WritesMappingKey()
    {
        var cut = RenderInspector("end", []);

        Input(cut, "output-mapping-new-key").Change("decision");
        cut.Find("[data-testid=output-mapping-add]").Click();

        Assert.True(((JsonObject)_changed!["outputMapping"]!).ContainsKey("decision"));
    }

    [Fact]
    public void PolicyForm_AddRule_AppendsRuleWithVerdict()
    {
        var cut = RenderInspector("policy", []);

        cut.Find("[data-testid=rule-add]").Click();

        var rule = _changed!["rules"]![0]!;
        Assert.Equal("rule-1", rule["id"]!.GetValue<string>());
        Assert.Equal("review", rule["verdict"]!.GetValue<string>());
    }

    [Fact]
    public void PolicyForm_BadExpression_ShowsSyntaxError()
    {
        var rules = new JsonArray(new JsonObject { ["id"] = "r1", ["name"] = "R", ["expression"] = "amount >", ["verdict"] = "block" });

        var cut = RenderInspector("policy", new JsonObject { ["rules"] = rules });

        Assert.Contains("line 1", cut.Find("[data-testid=policy-form]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionForm_SwitchToCases_ThenAddCase()
    {
        // Arrange
        var cut = RenderInspector("condition", new JsonObject { ["cases"] = new JsonArray() });

        // Act
        cut.Find("[data-testid=case-add]").Click();

        // Assert
        Assert.Equal("case-1", _changed!["cases"]![0]!["port"]!.GetValue<string>());
    }

    [Fact]
    public void ModelForm_NoCatalogue_FreeTextIdAndVersion()
    {
        var cut = RenderInspector("model", []);

        Assert.NotNull(Input(cut, "model-id"));
        Assert.NotNull(Input(cut, "model-version"));
        Assert.Empty(cut.FindAll("[data-testid=model-picker]"));
    }

    [Fact]
    public void ModelForm_WithCatalogue_PicksApprovedVersion()
    {
        // Arrange
        Services.AddSingleton<IModelCatalogView>(new FixedModels([new("dispute-risk", 3)]));
        var cut = RenderInspector("model", []);

        // Act
        cut.Find("[data-testid=model-picker]").MouseDown();
        cut.WaitForElement(".mud-popover-open .mud-list-item").Click();

        // Assert
        Assert.Equal("dispute-risk", _changed!["model"]!.GetValue<string>());
        Assert.Equal(3, _changed["modelVersion"]!.GetValue<int>());
        Assert.Empty(cut.FindAll("[data-testid=model-id]"));
    }

    [Fact]
    public void Rename_Node_RaisesRenamedWithNodeId()
    {
        NodeRename? renamed = null;
        var node = new NodeDefinition { Id = "n", Kind = "end", Name = "End", Config = [] };
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.Renamed, (NodeRename r) => renamed = r)));

        Input(cut, "node-name").Change("Done");

        Assert.Equal(new NodeRename("n", "Done"), renamed);
    }

    [Fact]
    public async Task ConfigEdit_CompletingAfterSelectionMoved_LandsOnNodeItWasMadeOn()
    {
        // Arrange: a form's change callback taken while node A is shown (MudSelect completes a pick only after
        // closing its popover, by which time a click on the canvas may have selected node B).
        NodeConfigEdit? edit = null;
        var a = new NodeDefinition { Id = "a", Kind = "policy", Name = "A", Config = [] };
        var b = new NodeDefinition { Id = "b", Kind = "policy", Name = "B", Config = [] };
        var cut = Render<Inspector>(c => c.Add(x => x.Node, a).Add(x => x.ConfigEdited, (NodeConfigEdit e) => edit = e));
        var pending = cut.FindComponent<PolicyForm>().Instance.ConfigChanged;
        cut.Render(c => c.Add(x => x.Node, b));

        // Act
        await cut.InvokeAsync(() => pending.InvokeAsync(new JsonObject { ["listField"] = "merchant" }));

        // Assert
        Assert.Equal("a", edit!.NodeId);
        Assert.Equal("b", cut.Find("[data-node-id]").GetAttribute("data-node-id"));
    }

    [Fact]
    public void Render_NoSelection_AsksToSelect()
    {
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Inspector>());

        Assert.NotNull(cut.Find("[data-testid=inspector-empty]"));
    }

    private IRenderedComponent<ProvidersHost> RenderInspector(string kind, JsonObject config)
    {
        var node = new NodeDefinition { Id = "n1", Kind = kind, Name = kind, Config = config };
        return Render<ProvidersHost>(p => p.AddChildContent<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.ConfigEdited, (NodeConfigEdit e) => _changed = e.Config)));
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ProvidersHost> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");

    private sealed class FixedModels(IReadOnlyList<ModelVersionRef> models) : IModelCatalogView
    {
        public Task<IReadOnlyList<ModelVersionRef>> ListApprovedAsync(CancellationToken cancellationToken) => Task.FromResult(models);
    }
}
