using System.Text.Json.Nodes;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>Reads an imported document: our wire format, or an Elsa 3 flowchart (told apart by its <c>root</c>).</summary>
internal static class DraftImport
{
    public static (WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems) Read(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new() { MaxDepth = 64 });
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, [new ValidationProblem(ProblemCodes.JsonMalformed, ex.Message)]);
        }

        if (node is JsonObject o && (o.ContainsKey("root") || o.ContainsKey("activities")))
        {
            var imported = new ElsaFlowchartConverter().Import(text);
            return (imported.Definition, imported.Problems);
        }

        var parsed = WorkflowJson.Parse(text);
        return (parsed.IsWellFormed ? parsed.Definition : null, parsed.Problems);
    }
}
