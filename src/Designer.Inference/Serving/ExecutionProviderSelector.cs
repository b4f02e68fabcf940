using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Serving;

/// <summary>
/// Configures session options with CUDA first (when preferred and present) and CPU otherwise. The CPU-only ONNX
/// Runtime package lists only <c>CPUExecutionProvider</c> and throws <see cref="EntryPointNotFoundException"/> from
/// <c>AppendExecutionProvider_CUDA</c>, so availability is checked first and every failure becomes a reason, not a crash.
/// </summary>
public sealed class ExecutionProviderSelector
{
    private readonly bool _preferCuda;
    private readonly int _cudaDeviceId;
    private readonly Func<IReadOnlyCollection<string>> _availableProviders;
    private readonly Action<SessionOptions, int> _appendCuda;

    /// <summary>Creates a selector over the real ONNX Runtime.</summary>
    /// <param name="preferCuda">Try CUDA before CPU.</param>
    /// <param name="cudaDeviceId">CUDA device ordinal.</param>
    public ExecutionProviderSelector(bool preferCuda, int cudaDeviceId)
        : this(preferCuda, cudaDeviceId, () => OrtEnv.Instance().GetAvailableProviders(), (o, id) => o.AppendExecutionProvider_CUDA(id))
    {
    }

    /// <summary>Test seam: substitutes provider discovery and the CUDA registration call.</summary>
    internal ExecutionProviderSelector(
        bool preferCuda, int cudaDeviceId, Func<IReadOnlyCollection<string>> availableProviders, Action<SessionOptions, int> appendCuda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cudaDeviceId);
        _preferCuda = preferCuda;
        _cudaDeviceId = cudaDeviceId;
        _availableProviders = availableProviders;
        _appendCuda = appendCuda;
    }

    /// <summary>Appends the chosen provider to <paramref name="options"/> and says which and why.</summary>
    /// <param name="options">Session options to configure.</param>
    public ProviderChoice Configure(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_preferCuda)
        {
            return new ProviderChoice(ProviderChoice.Cpu, "CUDA not preferred (PreferCuda=false); using CPU.");
        }

        IReadOnlyCollection<string> available;
        try
        {
            available = _availableProviders();
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return new ProviderChoice(ProviderChoice.Cpu, $"Could not list ONNX Runtime providers ({ex.Message}); using CPU.");
        }

        if (!available.Contains(ProviderChoice.Cuda))
        {
            return new ProviderChoice(
                ProviderChoice.Cpu,
                $"CUDAExecutionProvider not available in this ONNX Runtime build (providers: {string.Join(", ", available)}; " +
                "the CPU package Microsoft.ML.OnnxRuntime is referenced, use Microsoft.ML.OnnxRuntime.Gpu for CUDA); using CPU.");
        }

        try
        {
            _appendCuda(options, _cudaDeviceId);
            return new ProviderChoice(ProviderChoice.Cuda, $"CUDA device {_cudaDeviceId} registered; CPU remains the fallback for unsupported operators.");
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            // Typical on a GPU package without a usable driver/cuDNN, or a bad device id.
            return new ProviderChoice(
                ProviderChoice.Cpu,
                $"CUDAExecutionProvider listed but device {_cudaDeviceId} failed to initialise ({ex.GetType().Name}: {ex.Message}); using CPU.");
        }
    }
}
