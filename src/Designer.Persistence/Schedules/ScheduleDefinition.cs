namespace Designer.Persistence;

/// <summary>What a person sets on a schedule (already validated by the caller).</summary>
/// <param name="Name">What it is for.</param>
/// <param name="Cron">Cron expression (5 or 6 fields).</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="InputJson">The run input, a JSON object.</param>
/// <param name="Enabled">Whether occurrences fire.</param>
/// <param name="MissedPolicy">A <see cref="ScheduleMissedPolicy"/> value.</param>
public sealed record ScheduleDefinition(string Name, string Cron, string TimeZone, string InputJson, bool Enabled, string MissedPolicy);
