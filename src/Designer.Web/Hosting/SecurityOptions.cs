namespace Designer.Web.Hosting;

/// <summary>Production safety settings, bound from <c>Designer:Security</c> and checked on start.</summary>
/// <remarks>
/// The first administrator comes from <see cref="AdminEmail"/>/<see cref="AdminPassword"/> (environment
/// <c>Designer__Security__AdminEmail</c> or command line <c>--Designer:Security:AdminEmail=…</c>); a host that finds
/// no administrator and has none configured refuses to start (the demo seed, Development only unless enabled,
/// brings its own). Data-protection keys live in the database, encrypted with the certificate in
/// <see cref="DataProtectionCertificatePath"/>; Production refuses to start without one.
/// </remarks>
public sealed class SecurityOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Security__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Security";

    /// <summary>Email of the administrator created on start when missing.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Password of that administrator (Identity's password rules apply).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>PKCS#12 (.pfx) file whose certificate encrypts the data-protection keys at rest.</summary>
    public string? DataProtectionCertificatePath { get; set; }

    /// <summary>Password of <see cref="DataProtectionCertificatePath"/>.</summary>
    public string? DataProtectionCertificatePassword { get; set; }

    /// <summary>Per-IP rate limits (requests per minute).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>How often an open Blazor circuit re-reads the user's security stamp and roles (default 1 minute).</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
