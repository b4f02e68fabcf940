using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.Runtime.Tests.Fakes;

/// <summary>Returns a fixed P(high risk), optionally waiting forever (SLO timeout) or advancing a fake clock.</summary>
internal sealed class ScriptedInferenceClient : IInferenceClient
{
    public float HighRisk { get; set; } = 0.1f;

    public bool Hang { get; set; }

    public Action? DuringCall { get; set; }

    public Exception? Throw { get; set; }

    public int Calls { get; private set; }

    public List<float[]> Rows { get; } = [];

    public async Task<PredictionResult> PredictAsync(string model, int? version, IReadOnlyList<float[]> rows, CancellationToken cancellationToken)
    {
        Calls++;
        Rows.AddRange(rows);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        DuringCall?.Invoke();
        if (Throw is not null)
        {
            throw Throw;
        }

        var scores = new[] { 1 - HighRisk, HighRisk };
        var best = HighRisk > 0.5f ? 1 : 0;
        return new PredictionResult(model, version ?? 1, "CPUExecutionProvider", TimeSpan.FromMilliseconds(1),
            [new RowPrediction(scores, best == 1 ? "high-risk" : "low-risk", scores[best])]);
    }

    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelDescriptor>>([]);

    public Task<IReadOnlyList<ServedModel>> ListServedModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServedModel>>([]);
}
