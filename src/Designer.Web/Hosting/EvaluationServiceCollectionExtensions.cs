using Designer.Runtime.Compilation;
using Designer.Runtime.Evaluations;
using Designer.Web.Evaluations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the hosting namespace, beside the other AddDesignerXxx calls Program.cs makes.
namespace Designer.Web.Hosting;

/// <summary>Registers datasets, offline shadow evaluations, failure budgets and the approval gate (issue 13).</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EvaluationOptions"/> (<c>Designer:Evaluations</c>) and <see cref="GovernanceOptions"/>
    /// (<c>Designer:Governance</c>), validated on start, and registers the <see cref="ShadowRunner"/> over the
    /// runtime's services (call <c>AddDesignerRuntime</c> first), the dataset and evaluation services, the approval
    /// gate, the background worker and the demo's held-out dataset seeder.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerEvaluations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.SectionName).ValidateOnStart();
        services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvaluationOptions>, EvaluationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovernanceOptions>, EvaluationOptionsValidator>());
        services.TryAddSingleton(sp => new ShadowRunner(sp.GetRequiredService<RuntimeServices>()));
        services.TryAddSingleton<EvaluationSignal>();
        services.TryAddScoped<DatasetService>();
        services.TryAddScoped<EvaluationService>();
        services.TryAddScoped<EvaluationGate>();
        services.TryAddScoped<ModelApprovalGate>();
        services.AddHostedService<EvaluationWorker>();
        services.AddHostedService<DemoEvaluationSeeder>();
        return builder;
    }
}
