using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Designer.InferenceHost.Hosting;

/// <summary>Ready only when the bootstrap model <c>dispute-risk</c> is registered and a session for it is loaded.</summary>
internal sealed class ModelsReadyHealthCheck(SessionPool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = pool.Loaded;
        var risk = loaded.FirstOrDefault(m => m.Descriptor.Id == RiskModelService.ModelId);
        return Task.FromResult(risk is null
            ? HealthCheckResult.Unhealthy($"'{RiskModelService.ModelId}' is not registered and loaded yet.")
            : HealthCheckResult.Healthy(
                $"{loaded.Count} model version(s) loaded; {RiskModelService.ModelId} v{risk.Descriptor.Version} on {risk.Provider.Provider}."));
    }
}
