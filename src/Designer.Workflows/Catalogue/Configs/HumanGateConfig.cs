namespace Designer.Workflows.Catalogue.Configs;

/// <summary>Config of a <c>humanGate</c> node.</summary>
public sealed class HumanGateConfig
{
    /// <summary>The roles a gate may be assigned to.</summary>
    public static readonly IReadOnlyList<string> Roles = ["author", "approver", "operator", "viewer", "admin"];

    /// <summary>The actions accepted in <see cref="TimeoutAction"/>.</summary>
    public static readonly IReadOnlyList<string> TimeoutActions = ["timeout", "approve", "reject"];

    /// <summary>Role whose members see the task; one of <see cref="Roles"/>.</summary>
    public string AssigneeRole { get; set; } = "approver";

    /// <summary>Instructions template shown to the assignee.</summary>
    public string? Instructions { get; set; }

    /// <summary>Decision options offered; must not be empty.</summary>
    public List<string> Decisions { get; set; } = ["approve", "reject"];

    /// <summary>Run variables the assignee may edit before deciding.</summary>
    public List<string>? EditableFields { get; set; }

    /// <summary>Minutes before the timeout action applies; must be positive.</summary>
    public int? SlaMinutes { get; set; }

    /// <summary>One of <see cref="TimeoutActions"/>.</summary>
    public string TimeoutAction { get; set; } = "timeout";
}
