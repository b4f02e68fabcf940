using Designer.Web.Rollouts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the hosting namespace, beside the other AddDesignerXxx calls Program.cs makes.
namespace Designer.Web.Hosting;

/// <summary>Registers canary and live shadow rollouts (issue 13).</summary>
public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RolloutOptions"/> (<c>Designer:Rollouts</c>, validated on start) and registers the rollout
    /// service, the guard monitor with its background service, and the live shadow worker (call
    /// <c>AddDesignerEvaluations</c> first: it registers the shadow runner).
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerRollouts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RolloutOptions>().BindConfiguration(RolloutOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolloutOptions>, RolloutOptionsValidator>());
        services.TryAddScoped<RolloutService>();
        services.TryAddSingleton<RolloutMonitor>();
        services.AddHostedService<RolloutGuardService>();
        services.AddHostedService<LiveShadowWorker>();
        return builder;
    }
}
