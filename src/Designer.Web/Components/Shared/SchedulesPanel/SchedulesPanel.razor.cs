using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Web.Identity;
using Designer.Web.Triggers;

namespace Designer.Web.Components.Shared;

/// <summary>
/// The workflow's schedule triggers (issue 16): every role sees them with their next occurrences; admins and
/// operators add (every problem listed at once), enable, disable and delete (after a confirmation).
/// </summary>
public sealed partial class SchedulesPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private readonly ScheduleForm _form = new();
    private IReadOnlyList<ScheduleResponse> _schedules = [];
    private ScheduleResponse? _confirmDelete;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;

    private ScheduleService? Schedules { get; set; }

    private bool CanRead => DesignerRoles.All.Any(User.IsInRole);

    private bool CanManage => IsAdminOrOperator;

    /// <inheritdoc />
    protected override async Task LoadAsync()
    {
        Schedules = Services.GetService<ScheduleService>();
        if (Schedules is not null && CanRead)
        {
            _schedules = await Schedules.ListAsync(WorkflowId, CancellationToken.None);
        }
    }

    private async Task CreateAsync()
    {
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(string.IsNullOrWhiteSpace(_form.Input) ? "{}" : _form.Input);
        }
        catch (System.Text.Json.JsonException ex)
        {
            _problems = [new OperationProblem("schedule.input", $"input is not valid JSON: {ex.Message}", Field: "input")];
            _error = null;
            return;
        }

        if (input is not JsonObject inputObject)
        {
            _problems = [new OperationProblem("schedule.input", "input must be a JSON object (the run input every occurrence starts with).", Field: "input")];
            _error = null;
            return;
        }

        var body = new ScheduleRequest(_form.Name, _form.Cron, _form.TimeZone, Enabled: true, _form.MissedPolicy, inputObject);
        var result = await Schedules!.CreateAsync(User, WorkflowId, body, [], CancellationToken.None);
        Show(result.Error);
        if (result.IsSuccess)
        {
            _form.Name = string.Empty;
            _form.Cron = string.Empty;
        }

        await LoadAsync();
    }

    private async Task ToggleAsync(ScheduleResponse schedule)
    {
        var body = new ScheduleRequest(schedule.Name, schedule.Cron, schedule.TimeZone, !schedule.Enabled, schedule.MissedPolicy, schedule.Input.DeepClone().AsObject());
        Show((await Schedules!.UpdateAsync(User, WorkflowId, schedule.Id, body, [], CancellationToken.None)).Error);
        await LoadAsync();
    }

    private async Task DeleteAsync(ScheduleResponse schedule)
    {
        _confirmDelete = null;
        Show((await Schedules!.DeleteAsync(User, WorkflowId, schedule.Id, CancellationToken.None)).Error);
        await LoadAsync();
    }

    private void Show(OperationError? error)
    {
        _error = error is { Problems: null or { Count: 0 } } ? error.Detail : null;
        _problems = error?.Problems;
    }

    private sealed class ScheduleForm
    {
        public string Name { get; set; } = string.Empty;

        public string Cron { get; set; } = string.Empty;

        public string TimeZone { get; set; } = "UTC";

        public string MissedPolicy { get; set; } = ScheduleMissedPolicy.Skip;

        public string Input { get; set; } = "{}";
    }
}
