using System.Text.Json.Nodes;
using Bunit;
using Designer.Runtime.Actions;
using Designer.Web.Actions;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 16: the action node's inspector form — connection picker over the approved list, never a secret.</summary>
public sealed class Issue16ActionFormTests : UiTestContext
{
    private const string Secret = "sk-form-secret-never-rendered";
    private JsonObject? _changed;

    [Fact]
    public void Picker_WithConnections_ListsNameAndBaseUrlWritesChoiceNeverSecret()
    {
        // Arrange
        Services.AddSingleton(Catalogue());
        var cut = RenderInspector([]);

        // Act
        cut.Find("[data-testid=action-connection]").MouseDown();
        var item = cut.WaitForElement(".mud-popover-open .mud-list-item");
        var itemText = item.TextContent;
        item.Click();

        // Assert
        Assert.Contains("payments (https://pay.example.com/api/)", itemText, StringComparison.Ordinal);
        Assert.Equal("payments", _changed!["connection"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_NoCatalogue_FreeTextWithAdminHint()
    {
        // Act
        var cut = RenderInspector([]);

        // Assert
        Assert.NotNull(Input(cut, "action-connection"));
        Assert.Contains("Designer:Actions:Connections", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action-path", "refunds/{{input.caseId}}", "pathTemplate")]
    [InlineData("action-body", "{\"caseId\": \"{{input.caseId}}\"}", "bodyTemplate")]
    [InlineData("action-timeout", "2500", "timeoutMs")]
    public void Edit_Field_ReportsNewConfig(string field, string value, string key)
    {
        // Arrange
        var cut = RenderInspector(new JsonObject { ["connection"] = "payments" });

        // Act
        Input(cut, field).Change(value);

        // Assert
        var written = _changed![key]!;
        Assert.Equal(value, written is JsonValue v && v.TryGetValue<string>(out var s) ? s : written.ToJsonString());
        Assert.Equal("payments", _changed["connection"]!.GetValue<string>());
    }

    [Fact]
    public void ResponseMapping_AddField_WritesMappingKey()
    {
        // Arrange
        var cut = RenderInspector([]);

        // Act
        Input(cut, "action-mapping-new-key").Change("refundId");
        cut.Find("[data-testid=action-mapping-add]").Click();

        // Assert
        Assert.True(((JsonObject)_changed!["responseMapping"]!).ContainsKey("refundId"));
    }

    [Fact]
    public void Compensation_SwitchOn_WritesMethodAndEmptyPathForTheValidatorToAskFor()
    {
        // Arrange
        var cut = RenderInspector(new JsonObject { ["connection"] = "payments" });

        // Act
        Input(cut, "action-compensation").Change(true);

        // Assert
        Assert.Equal("""{"method":"POST","pathTemplate":""}""", _changed!["compensation"]!.ToJsonString());
    }

    [Fact]
    public void Compensation_EditPath_KeepsMethodAndWritesPath()
    {
        // Arrange
        var cut = RenderInspector(new JsonObject
        {
            ["connection"] = "payments",
            ["compensation"] = new JsonObject { ["method"] = "DELETE", ["pathTemplate"] = string.Empty },
        });

        // Act
        Input(cut, "action-compensation-path").Change("refunds/{{response.body.id}}");

        // Assert
        Assert.Equal("""{"method":"DELETE","pathTemplate":"refunds/{{response.body.id}}"}""", _changed!["compensation"]!.ToJsonString());
        Assert.Equal("payments", _changed["connection"]!.GetValue<string>());
    }

    [Fact]
    public void Compensation_Absent_NoUndoFields()
    {
        // Act
        var cut = RenderInspector(new JsonObject { ["connection"] = "payments" });

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=action-compensation-path]"));
    }

    private static ActionConnectionCatalog Catalogue() => new(Options.Create(new ActionOptions
    {
        Connections =
        {
            ["payments"] = new ActionConnectionOptions { BaseUrl = "https://pay.example.com/api/", BearerSecret = Secret },
        },
    }));

    private IRenderedComponent<ProvidersHost> RenderInspector(JsonObject config)
    {
        var node = new NodeDefinition { Id = "n1", Kind = "action", Name = "Refund", Config = config };
        return Render<ProvidersHost>(p => p.AddChildContent<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.ConfigEdited, (NodeConfigEdit e) => _changed = e.Config)));
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ProvidersHost> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]");
}
