using System.Net;
using System.Text.Json.Nodes;
using Designer.Inference;
using Designer.Inference.Onnx;
using Designer.Inference.Registry;
using Designer.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Designer.InferenceHost.Tests;

/// <summary>
/// Issue 14: the inference host serves the registry the web hosts write — database rows and the shared model store —
/// and changes nothing in it. The "web side" is the web hosts' registration (<c>UseSharedModelRegistry</c>) in its own
/// service provider and data folder, on the same database and store.
/// </summary>
public sealed class SharedRegistryTests
{
    private const string Row = "[1, 0, 0.5, 2]";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task ApprovedInWebHost_Issue14_IsListedAndServedByInferenceHost(string provider)
    {
        // Arrange: an inference host and a web-side registry on one database and one model store.
        var ct = TestContext.Current.CancellationToken;
        using var folders = new Folders();
        var connection = await ConnectionStringAsync(provider, folders.Root);
        await using var inferenceHost = new HostFactory(new()
        {
            ["Designer:Storage:Provider"] = provider,
            ["Designer:Storage:ConnectionString"] = connection,
            ["Designer:Inference:ModelStore"] = folders.Store,
            ["Designer:Inference:BootstrapRiskModel"] = "false",
        });
        var client = inferenceHost.CreateClient();
        using var web = WebSide(provider, connection, folders);
        var registry = web.Services.GetRequiredService<IAuditedModelRegistry>();
        var registered = await registry.RegisterAsync(Toy(), ct);
        var pending = await WaitForStatusAsync(client, "pendingApproval", ct);
        var beforeApproval = await client.PostJsonAsync("/v1/models/toy/predict", $"{{ \"rows\": [{Row}] }}");

        // Act
        await registry.SetStatusAsync("toy", registered.Version, ModelStatus.PendingApproval, ModelStatus.Approved,
            new ModelAuditEntry("user-approver", "Approver", "model.approved", null), ct);
        var approved = await WaitForStatusAsync(client, "approved", ct);
        var prediction = await client.PostJsonAsync("/v1/models/toy/predict", $"{{ \"rows\": [{Row}] }}");
        var body = await prediction.ReadObjectAsync();

        // Assert
        Assert.Equal(1, pending["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, beforeApproval.StatusCode);
        Assert.Equal(1, approved["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Single(body["predictions"]!.AsArray());
    }

    [Fact]
    public async Task StatusChange_Issue14_RefusedByInferenceHost()
    {
        // Arrange: a pending version registered by the web side.
        var ct = TestContext.Current.CancellationToken;
        using var folders = new Folders();
        var connection = await ConnectionStringAsync("Sqlite", folders.Root);
        await using var inferenceHost = new HostFactory(new()
        {
            ["Designer:Storage:ConnectionString"] = connection,
            ["Designer:Inference:ModelStore"] = folders.Store,
            ["Designer:Inference:BootstrapRiskModel"] = "false",
        });
        _ = inferenceHost.CreateClient();
        using var web = WebSide("Sqlite", connection, folders);
        await web.Services.GetRequiredService<IModelRegistry>().RegisterAsync(Toy(), ct);
        var served = inferenceHost.Services.GetRequiredService<IModelRegistry>();

        // Act
        var approve = () => served.SetStatusAsync("toy", 1, ModelStatus.Approved, "user-approver", ct);
        var train = () => served.RegisterAsync(Toy(), ct);

        // Assert: read-only, and the version is still pending for every host.
        await Assert.ThrowsAsync<InvalidOperationException>(approve);
        await Assert.ThrowsAsync<InvalidOperationException>(train);
        Assert.Null(inferenceHost.Services.GetService<IAuditedModelRegistry>());
        var row = await web.Services.GetRequiredService<IModelRegistry>().GetAsync("toy", 1, ct);
        Assert.Equal(ModelStatus.PendingApproval, row!.Status);
    }

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient client, string status, CancellationToken ct)
    {
        // The registry caches for two seconds; another host's change shows within that, so poll generously.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync("/v1/models/toy", timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var versions = (await response.ReadObjectAsync())["versions"]!.AsArray();
                if (versions.FirstOrDefault(v => v!["status"]!.GetValue<string>() == status) is JsonObject found)
                {
                    return found;
                }
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static IHost WebSide(string provider, string connection, Folders folders)
    {
        Directory.CreateDirectory(folders.Web);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folders.Web });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = provider,
            ["Designer:Storage:ConnectionString"] = connection,
            ["Designer:Storage:MigrateOnStart"] = "false",
            ["Designer:Inference:DataDirectory"] = folders.Web,
            ["Designer:Inference:ModelStore"] = folders.Store,
            ["Designer:Inference:BootstrapRiskModel"] = "false",
            ["Designer:Inference:BootstrapPretrainedModels"] = "false",
            ["Designer:Inference:PreferCuda"] = "false",
        });
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        builder.AddDesignerInference();
        builder.UseSharedModelRegistry();
        return builder.Build();
    }

    private static async Task<string> ConnectionStringAsync(string provider, string root)
    {
        if (provider == "Sqlite")
        {
            return $"Data Source={Path.Combine(root, "designer.db")}";
        }

        var server = Environment.GetEnvironmentVariable("DESIGNER_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip("DESIGNER_TEST_POSTGRES is not set: run scripts/test.sh, which starts a throwaway PostgreSQL.");
        }

        var name = $"designer_host_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static ModelRegistration Toy() => new()
    {
        Id = "toy",
        OnnxModel = OnnxModelFactory.LogisticRegression([0.5f, -1f, 2f, 0.1f], 0.2f, PlattCalibration.Identity),
        Kind = ModelKind.Classifier,
        TrainedBy = "user-trainer",
        Labels = ["no", "yes"],
    };

    /// <summary>The web side's data folder, the shared store and the SQLite file, deleted at the end.</summary>
    private sealed class Folders : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "designer-host-shared", Guid.NewGuid().ToString("N"));

        public string Web => Path.Combine(Root, "web");

        public string Store => Path.Combine(Root, "model-store");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp.
            }
        }
    }
}
