namespace Designer.Inference;

/// <summary>Settings of the inference module, bound from the <c>Designer:Inference</c> configuration section.</summary>
/// <remarks>
/// <para>Defaults: batches of up to 32 rows, flushed after at most 2 ms; 1,024 queued requests per model before
/// callers get <see cref="Serving.InferenceQueueFullException"/> (HTTP 503); 2 s per request; CUDA preferred on
/// device 0, falling back to CPU; models under <c>data/models</c>; in-process serving (no <see cref="Endpoint"/>).</para>
/// <para><b>GPU switch.</b> The default build references the CPU package <c>Microsoft.ML.OnnxRuntime</c>, which has no
/// CUDA provider: serving reports "CPUExecutionProvider" with the reason. Building with <c>-p:DesignerGpu=true</c>
/// (what <c>docker/inference-gpu.Dockerfile</c> does) references <c>Microsoft.ML.OnnxRuntime.Gpu</c> instead, which
/// has the same namespace and API, so no code changes: with <see cref="PreferCuda"/> set, the selector finds
/// <c>CUDAExecutionProvider</c> and uses device <see cref="CudaDeviceId"/>.</para>
/// </remarks>
public sealed class InferenceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Designer:Inference";

    /// <summary>Most rows in one batch (default 32).</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>Longest a request waits for others to join its batch, in milliseconds (default 2; 0 = no wait).</summary>
    public int MaxBatchWaitMs { get; set; } = 2;

    /// <summary>Requests queued per model version before new ones are refused (default 1,024).</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Per-request timeout from enqueue to result, in milliseconds (default 2,000).</summary>
    public int RequestTimeoutMs { get; set; } = 2000;

    /// <summary>Try the CUDA execution provider before CPU (default true).</summary>
    public bool PreferCuda { get; set; } = true;

    /// <summary>CUDA device ordinal (default 0).</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Root folder for runtime data; models live in <c>&lt;DataDirectory&gt;/models</c>. When not set, the hosts'
    /// shared <c>Designer:DataDirectory</c> (default <c>data</c>) is used; relative paths resolve against the
    /// content root, exactly as the web host resolves its data directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Base URL of a remote <c>Designer.InferenceHost</c>. Null (default) serves in-process; when set,
    /// <see cref="Serving.IInferenceClient"/> is the resilient <see cref="Remote.RemoteInferenceClient"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Train and register <c>dispute-risk</c> v1 at start when the registry has none (default true).</summary>
    public bool BootstrapRiskModel { get; set; } = true;

    /// <summary>
    /// Pretrained embedding models registered at start from their carrier packages when the registry lacks their bytes
    /// (default: <c>all-minilm-l6-v2</c>; also known: <c>arctic-embed-xs</c>). An array, so configuration replaces it.
    /// </summary>
    public string[] PretrainedModels { get; set; } = [Designer.Inference.Pretrained.PretrainedModels.MiniLm.Id];

    /// <summary>Register <see cref="PretrainedModels"/> at start (default true).</summary>
    public bool BootstrapPretrainedModels { get; set; } = true;

    /// <summary>Where the carrier assemblies are; <c>pretrained</c> under the application base when empty.</summary>
    public string? PretrainedDirectory { get; set; }

    /// <summary>
    /// The shared folder of model files used by the database registry (issue 14; files named by their SHA-256).
    /// Relative to <see cref="DataDirectory"/> or absolute; default <c>model-store</c> under it. Every web host of a
    /// cluster must mount the same folder.
    /// </summary>
    public string ModelStore { get; set; } = "model-store";
}
