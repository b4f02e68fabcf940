using Designer.Inference;
using Designer.Retrieval;
using Designer.Runtime;
using Designer.Telemetry;
using Designer.Web.Demo;
using Designer.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddDesignerSharedConfiguration();
builder.AddDesignerTelemetry();
builder.AddDesignerPersistence();
builder.AddDesignerInference();
builder.UseSharedModelRegistry();
builder.AddDesignerRetrieval();

// Before the runtime: the Development demo receiver adds its connection, and the runtime makes one client per connection.
builder.AddDesignerDemoReceiver();
builder.AddDesignerRuntime();
builder.AddDesignerCluster();
builder.AddDesignerIdentity();
builder.AddDesignerApi();
builder.AddDesignerUi();
builder.AddDesignerEvaluations();
builder.AddDesignerRollouts();
builder.AddDesignerBatches();
builder.AddDesignerNotifications();

var app = builder.Build();

app.UseDesignerPipeline();
app.MapDesignerApi();
app.MapDesignerUi();

app.Run();

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
