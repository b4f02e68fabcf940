using Designer.Inference.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Inference.Hosting;

/// <summary>At start, registers <c>dispute-risk</c> v1 (Approved) when the registry has no version of it.</summary>
internal sealed class RiskModelBootstrapService(RiskModelService riskModels, IOptions<InferenceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Training takes well under a second, so start-up simply waits for it: the demo needs the model at once.
        if (options.Value.BootstrapRiskModel)
        {
            await riskModels.EnsureBootstrapAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
