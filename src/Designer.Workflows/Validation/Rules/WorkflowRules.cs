using Designer.Workflows.Definitions;

namespace Designer.Workflows.Validation.Rules;

internal static class WorkflowRules
{
    public static void Check(ValidationContext context)
    {
        var definition = context.Definition;
        if (definition.SchemaVersion != WorkflowDefinition.CurrentSchemaVersion)
        {
            context.Add(ProblemCodes.WorkflowSchemaVersion,
                $"Schema version {definition.SchemaVersion} is not supported; use {WorkflowDefinition.CurrentSchemaVersion}.",
                field: "schemaVersion");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            context.Add(ProblemCodes.WorkflowNameRequired, "The workflow needs a name.", field: "name");
        }
    }
}
