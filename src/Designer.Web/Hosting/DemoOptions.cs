using System.ComponentModel.DataAnnotations;

namespace Designer.Web.Hosting;

/// <summary>The seeded demo, bound from <c>Designer:Demo</c>.</summary>
/// <remarks>
/// Defaults: <see cref="Seed"/> is <c>false</c> here and <c>true</c> in the solution-wide appsettings.json, so the
/// embedded run is seeded while a host configured from scratch is not; <see cref="Password"/> is <c>Demo-pass-1</c>.
/// </remarks>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Designer:Demo";

    /// <summary>Seed one user per role and the "Dispute triage" draft on start when they are missing.</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// With <see cref="Seed"/>: train the default embedding model on the generated past disputes and ingest them into
    /// the <c>past-disputes</c> collection when it is missing; <c>true</c> by default.
    /// </summary>
    public bool SeedCorpus { get; set; } = true;

    /// <summary>The password of every seeded demo user.</summary>
    [Required, MinLength(8)]
    public string Password { get; set; } = "Demo-pass-1";
}
