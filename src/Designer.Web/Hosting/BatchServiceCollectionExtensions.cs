using Designer.Web.Batches;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the hosting namespace, beside the other AddDesignerXxx calls Program.cs makes.
namespace Designer.Web.Hosting;

/// <summary>Registers batch runs from a file (issue 16).</summary>
public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BatchOptions"/> (<c>Designer:Batches</c>, validated on start) and registers the batch service
    /// and the worker that starts the rows (call <c>AddDesignerRuntime</c> first).
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerBatches(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BatchOptions>, BatchOptionsValidator>());
        services.TryAddSingleton<BatchSignal>();
        services.TryAddScoped<BatchService>();
        services.AddHostedService<Batches.BatchWorker>();
        return builder;
    }
}
