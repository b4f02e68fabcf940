using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Persistence.Identity;

/// <summary>
/// Pins the ASP.NET Core Identity schema version the migrations were generated with. Identity reads it from
/// <see cref="IdentityOptions"/> in the context's application service provider, so the host and the design-time
/// factories must agree.
/// </summary>
internal static class IdentitySchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    /// <summary>A service provider holding only the pinned <see cref="IdentityOptions"/>, for design-time contexts.</summary>
    public static IServiceProvider DesignTimeServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(Pin)
        .BuildServiceProvider();

    public static void Pin(IdentityOptions options) => options.Stores.SchemaVersion = Version;
}
