using System.ComponentModel.DataAnnotations;

namespace Designer.Web.Hosting;

/// <summary>The seeded demo, bound from <c>Designer:Demo</c>.</summary>
/// <remarks>
/// Defaults: <see cref="Seed"/> unset means "only in Development" (the embedded run is seeded, a published image is
/// not); <see cref="Password"/> is <c>Demo-pass-1</c>, refused outside Development because it is public.
/// </remarks>
public sealed class DemoOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Demo__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Demo";

    /// <summary>The public default password, accepted in Development only.</summary>
    public const string PublicPassword = "Demo-pass-1";

    /// <summary>
    /// Seed one user per role and the "Dispute triage" draft on start when they are missing; unset: only in
    /// Development (see <see cref="SeedsDemo"/>).
    /// </summary>
    public bool? Seed { get; set; }

    /// <summary>
    /// With <see cref="Seed"/>: train the default embedding model on the generated past disputes and ingest them into
    /// the <c>past-disputes</c> collection when it is missing; <c>true</c> by default.
    /// </summary>
    public bool SeedCorpus { get; set; } = true;

    /// <summary>
    /// With <see cref="Seed"/>: when the demo workflow has no version yet and its draft is still the seeded one, submit
    /// it as v1 (approved by the demo approver, active) and submit the stricter v2 as pending approval by the demo
    /// author, so an approver can evaluate v2 against v1 at once (issue 13); unset: only in Development.
    /// </summary>
    public bool? SeedVersions { get; set; }

    /// <summary>The password of every seeded demo user.</summary>
    [Required, MinLength(8)]
    public string Password { get; set; } = PublicPassword;

    /// <summary>Whether the demo is seeded in <paramref name="environment"/>.</summary>
    /// <returns><see cref="Seed"/> when set, else whether this is Development.</returns>
    public bool SeedsDemo(IHostEnvironment environment) => Seed ?? environment.IsDevelopment();

    /// <summary>Whether the demo's versions are seeded in <paramref name="environment"/>.</summary>
    /// <returns><see cref="SeedsDemo"/> and <see cref="SeedVersions"/> when set, else whether this is Development.</returns>
    public bool SeedsVersions(IHostEnvironment environment) => SeedsDemo(environment) && (SeedVersions ?? environment.IsDevelopment());
}
