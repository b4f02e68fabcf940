using Designer.Inference.Serving;
using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Tests.Serving;

public sealed class ExecutionProviderSelectorTests
{
    [Fact]
    public void Configure_PreferCudaOnCpuOnlyBuild_FallsBackToCpuWithCudaReason()
    {
        // Arrange: the real ONNX Runtime of this build (CPU package).
        var selector = new ExecutionProviderSelector(preferCuda: true, cudaDeviceId: 0);
        using var options = new SessionOptions();

        // Act
        var choice = selector.Configure(options);

        // Assert
        Assert.Equal(ProviderChoice.Cpu, choice.Provider);
        Assert.Contains("CUDAExecutionProvider not available", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_CudaNotPreferred_ReturnsCpu()
    {
        // Arrange
        var selector = new ExecutionProviderSelector(preferCuda: false, cudaDeviceId: 0);
        using var options = new SessionOptions();

        // Act
        var choice = selector.Configure(options);

        // Assert
        Assert.Equal(ProviderChoice.Cpu, choice.Provider);
        Assert.Contains("PreferCuda=false", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_CudaListedButEntryPointMissing_FallsBackWithReason()
    {
        // Arrange: what the CPU package does if asked for CUDA without checking the list first.
        var selector = new ExecutionProviderSelector(
            true, 1, () => [ProviderChoice.Cuda, ProviderChoice.Cpu], (_, _) => throw new EntryPointNotFoundException("OrtSessionOptionsAppendExecutionProvider_CUDA"));
        using var options = new SessionOptions();

        // Act
        var choice = selector.Configure(options);

        // Assert
        Assert.Equal(ProviderChoice.Cpu, choice.Provider);
        Assert.Contains("device 1 failed", choice.Reason, StringComparison.Ordinal);
        Assert.Contains(nameof(EntryPointNotFoundException), choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_CudaAvailable_ChoosesCudaOnConfiguredDevice()
    {
        // Arrange
        var appendedDevice = -1;
        var selector = new ExecutionProviderSelector(true, 2, () => [ProviderChoice.Cuda, ProviderChoice.Cpu], (_, id) => appendedDevice = id);
        using var options = new SessionOptions();

        // Act
        var choice = selector.Configure(options);

        // Assert
        Assert.Equal(ProviderChoice.Cuda, choice.Provider);
        Assert.Equal(2, appendedDevice);
    }

    [Fact]
    public void AppendCuda_OnThisCpuBuild_ThrowsWhichIsWhyTheSelectorChecksFirst()
    {
        // Arrange
        using var options = new SessionOptions();

        // Act + Assert: documents the ONNX Runtime behaviour the selector guards against.
        Assert.ThrowsAny<Exception>(() => options.AppendExecutionProvider_CUDA(0));
    }
}
