namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Human gate: assignee role, instructions, decision options, editable fields, SLA and timeout action.</summary>
public sealed partial class HumanGateForm : KindFormBase
{
    private static class Key
    {
        public const string AssigneeRole = "assigneeRole";
        public const string Instructions = "instructions";
        public const string Decisions = "decisions";
        public const string EditableFields = "editableFields";
        public const string SlaMinutes = "slaMinutes";
        public const string TimeoutAction = "timeoutAction";
    }
}
