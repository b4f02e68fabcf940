namespace Designer.Persistence;

/// <summary>What started a run, as recorded in its <c>run.started</c> audit entry.</summary>
public static class RunTriggers
{
    /// <summary>The REST API (<c>POST /api/workflows/{id}/runs</c>).</summary>
    public const string Api = "api";

    /// <summary>The Blazor UI's start dialog.</summary>
    public const string Ui = "ui";

    /// <summary>A webhook call authenticated by an API key.</summary>
    public const string Webhook = "webhook";

    /// <summary>A schedule's occurrence.</summary>
    public const string Schedule = "schedule";

    /// <summary>A row of a batch.</summary>
    public const string Batch = "batch";
}
