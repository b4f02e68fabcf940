using Designer.Inference;
using Designer.InferenceHost.Hosting;
using Designer.Persistence;
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

        // Storage first: its migration is a hosted service and must run before the model bootstraps read the rows.
        builder.AddDesignerStorage();
        builder.AddDesignerInference();
        builder.AddInferenceHostRegistry();
        builder.AddInferenceHostApi();

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapInferenceHostApi();

        await app.RunAsync();
    }
}
