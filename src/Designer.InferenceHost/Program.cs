using Designer.Inference;
using Designer.InferenceHost.Hosting;
using Designer.Telemetry;

namespace Designer.InferenceHost;

/// <summary>The standalone inference host: the model registry served over HTTP, for a GPU machine.</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Starts the host.</summary>
    /// <param name="args">Command-line arguments.</param>
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddInferenceHostSharedConfiguration();
        builder.AddDesignerTelemetry();
        builder.AddDesignerInference();
        builder.AddInferenceHostApi();

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapInferenceHostApi();

        await app.RunAsync();
    }
}
