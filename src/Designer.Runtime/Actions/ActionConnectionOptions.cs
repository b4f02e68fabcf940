namespace Designer.Runtime.Actions;

/// <summary>One approved connection (<c>Designer:Actions:Connections:{name}</c>).</summary>
public sealed class ActionConnectionOptions
{
    /// <summary>Absolute http(s) base URL; every call resolves under it.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Name of an auth header sent with every call (with <see cref="AuthValue"/>).</summary>
    public string? AuthHeader { get; set; }

    /// <summary>Value of <see cref="AuthHeader"/>; a secret.</summary>
    public string? AuthValue { get; set; }

    /// <summary>Bearer token sent as <c>Authorization: Bearer …</c>; a secret. Not together with <see cref="AuthHeader"/>.</summary>
    public string? BearerSecret { get; set; }

    /// <summary>Methods actions may use on this connection; empty allows every method an action may use.</summary>
    public List<string> AllowedMethods { get; set; } = [];

    /// <summary>Default whole-call timeout, retries included (1 ms..5 min).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (0..10), only for idempotent methods or calls with an Idempotency-Key.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Base delay of the exponential backoff (1 ms..1 min).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest response body read (1 byte..16 MiB); a larger one fails the call.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
