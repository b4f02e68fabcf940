using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Serialization;

namespace Designer.Runtime.Benchmarks;

/// <summary>
/// Starts the built web app as its own process on a fresh SQLite data directory, publishes the three-node workflow
/// and posts runs with a fixed number of concurrent callers: reports accepted runs/s (202s) and completed runs/s
/// (first POST to the last run Completed, polled through the API).
/// </summary>
internal static class HttpLoad
{
    private const string Password = "Bench-pass-1";

    public static async Task RunAsync(int runs, int concurrency, int maxConcurrentRuns)
    {
        var data = Path.Combine(Path.GetTempPath(), "designer-bench", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var app = StartApp(data, port, maxConcurrentRuns);
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            await WaitHealthyAsync(baseAddress);
            var author = await ClientAsync(baseAddress, "author");
            var workflowId = await PublishAsync(author, await ClientAsync(baseAddress, "approver"));
            var operatorClient = await ClientAsync(baseAddress, "operator");

            // Warm-up: a few runs so JIT and the compile cache are not in the measurement.
            await PostAsync(operatorClient, workflowId, 20, 4);
            await WaitCompletedAsync(operatorClient, workflowId, 20);

            app.Refresh();
            var cpuBefore = app.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await PostAsync(operatorClient, workflowId, runs, concurrency);
            var accepted = stopwatch.Elapsed;
            await WaitCompletedAsync(operatorClient, workflowId, runs + 20);
            var completed = stopwatch.Elapsed;
            app.Refresh();
            var cpu = app.TotalProcessorTime - cpuBefore;
            Console.WriteLine($"http: {runs} runs of start -> condition -> end, {concurrency} concurrent callers, MaxConcurrentRuns {maxConcurrentRuns}, SQLite");
            Console.WriteLine($"  accepted (202) : {runs / accepted.TotalSeconds,8:F0} runs/s  ({accepted.TotalSeconds:F2} s)");
            Console.WriteLine($"  completed      : {runs / completed.TotalSeconds,8:F0} runs/s  ({completed.TotalSeconds:F2} s, first POST to last Completed)");
            Console.WriteLine($"  app CPU        : {cpu.TotalMilliseconds / runs,8:F2} ms/run  ({cpu.TotalSeconds / completed.TotalSeconds:F2} cores busy on average)");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Temp is cleaned by the OS.
            }
        }
    }

    internal static Process StartApp(string data, int port, int maxConcurrentRuns, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Designer.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Designer__DataDirectory"] = data;
        info.Environment["Designer__Demo__Seed"] = "true";
        info.Environment["Designer__Demo__Password"] = Password;
        // Only the demo users: the demo corpus would embed 5,000 texts with the ONNX model in the background (a minute
        // or more of both cores) while the load runs.
        info.Environment["Designer__Demo__SeedCorpus"] = "false";
        info.Environment["Designer__Cluster__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Designer__Runtime__MaxConcurrentRuns"] = maxConcurrentRuns.ToString(CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The per-address run-start limit (300/min by default) would answer most of the load with 429.
        info.Environment["Designer__Security__RateLimits__RunStartPerMinute"] = "1000000";
        // Production refuses to start without a certificate for the data-protection key ring (issue 14).
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Designer__Security__DataProtectionCertificatePath")))
        {
            info.Environment["Designer__Security__DataProtectionCertificatePath"] = SelfSignedPfx(data);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[app] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string SelfSignedPfx(string data)
    {
        Directory.CreateDirectory(data);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=designer-bench", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(data, "bench-data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }

    private static async Task PostAsync(HttpClient client, Guid workflowId, int runs, int concurrency)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, runs), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, token) =>
        {
            var body = new JsonObject { ["input"] = ThreeNodeWorkflow.Input(i) }.ToJsonString();
            using var response = await client.PostAsync($"/api/workflows/{workflowId}/runs", new StringContent(body, Encoding.UTF8, "application/json"), token);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Start answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
            }
        });
    }

    private static async Task WaitCompletedAsync(HttpClient client, Guid workflowId, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/runs?workflowId={workflowId}&status=completed&pageSize=1");
            if (page!["total"]!.GetValue<long>() >= expected)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Runs did not complete within 10 minutes.");
            }

            await Task.Delay(20);
        }
    }

    internal static async Task<Guid> PublishAsync(HttpClient author, HttpClient approver, WorkflowDefinition? definition = null)
    {
        var body = new JsonObject
        {
            ["name"] = "Bench " + Guid.NewGuid().ToString("N")[..6],
            ["definition"] = JsonNode.Parse(WorkflowJson.Serialize(definition ?? ThreeNodeWorkflow.Create())),
        };
        var created = await author.PostAsync("/api/workflows", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await author.PostAsync($"/api/workflows/{id}/versions", null)).EnsureSuccessStatusCode();
        (await approver.PostAsync($"/api/workflows/{id}/versions/1/approve", null)).EnsureSuccessStatusCode();
        return id;
    }

    internal static async Task<HttpClient> ClientAsync(Uri baseAddress, string role)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task WaitHealthyAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not become healthy.");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
