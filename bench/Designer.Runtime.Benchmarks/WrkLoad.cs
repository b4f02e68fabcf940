using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Runtime.Benchmarks;

/// <summary>
/// Drives the app the way <c>../shared/bench/n8n/run.sh</c> drives n8n, so the two can be compared side by side: the
/// same workflow shape (<see cref="N8nShapeWorkflow"/>), started through its webhook (<c>POST /hooks/{id}?wait=PT10S</c>
/// with a workflow API key) by <c>wrk</c> with the same Lua body generator, a closed loop per concurrency, each
/// caller waiting for the finished run's output as n8n's "Respond to Webhook" callers do. Prints one <c>RUN</c> line per
/// concurrency and a <c>SUMMARY</c> line in run.sh's format.
/// </summary>
internal static class WrkLoad
{
    public static async Task RunAsync(int[] concurrencies, int seconds, int warmupSeconds, int maxConcurrentRuns, int hosts)
    {
        var data = Path.Combine(Path.GetTempPath(), "designer-bench", Guid.NewGuid().ToString("N"));
        var settings = StorageSettings(hosts, out var config);
        var apps = new List<(Process Process, Uri BaseAddress)>();
        try
        {
            for (var i = 0; i < hosts; i++)
            {
                var port = HttpLoad.FreePort();
                var app = HttpLoad.StartApp(data, port, maxConcurrentRuns, settings);
                var baseAddress = new Uri($"http://127.0.0.1:{port}/");
                apps.Add((app, baseAddress));
                // One at a time: the first host creates the database and seeds the demo users.
                await HttpLoad.WaitHealthyAsync(baseAddress);
            }

            var first = apps[0].BaseAddress;
            var author = await HttpLoad.ClientAsync(first, "author");
            var workflowId = await HttpLoad.PublishAsync(author, await HttpLoad.ClientAsync(first, "approver"), N8nShapeWorkflow.Create());
            var operatorClient = await HttpLoad.ClientAsync(first, "operator");
            var key = await CreateKeyAsync(operatorClient, workflowId);
            var urls = apps.Select(a => $"{a.BaseAddress}hooks/{workflowId}?wait=PT10S").ToList();
            var lua = WriteLua(data, key);
            foreach (var url in urls)
            {
                Console.Error.WriteLine($"   sample response: {await SampleAsync(url, key)}");
            }

            await Task.WhenAll(urls.Select(url => WrkAsync(lua, url, Math.Max(1, 8 / hosts), warmupSeconds, latency: false)));
            var parts = new List<string>();
            foreach (var c in concurrencies)
            {
                var runsBefore = await CompletedAsync(operatorClient, workflowId);
                var cpuBefore = apps.Select(a => { a.Process.Refresh(); return a.Process.TotalProcessorTime; }).ToList();
                // The callers split evenly over the hosts, each host its own wrk (as a load balancer would spread them).
                var results = await Task.WhenAll(urls.Select(url => WrkAsync(lua, url, Math.Max(1, c / hosts), seconds, latency: true)));
                var cpu = apps.Select((a, i) => { a.Process.Refresh(); return a.Process.TotalProcessorTime - cpuBefore[i]; })
                    .Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
                var rssMb = apps.Sum(a => a.Process.WorkingSet64) / (1024 * 1024);
                var completed = await CompletedAsync(operatorClient, workflowId) - runsBefore;
                var fields = results.Select(Fields).ToList();
                var rps = fields.Sum(f => double.Parse(f["rps"], CultureInfo.InvariantCulture));
                var p50 = fields.Max(f => double.Parse(f["p50_ms"], CultureInfo.InvariantCulture));
                var p95 = fields.Max(f => double.Parse(f["p95_ms"], CultureInfo.InvariantCulture));
                var p99 = fields.Max(f => double.Parse(f["p99_ms"], CultureInfo.InvariantCulture));
                var errors = fields.Sum(f => int.Parse(f["errors"], CultureInfo.InvariantCulture));
                var cpuPct = cpu.TotalSeconds / seconds * 100;
                var cpuPerRun = completed > 0 ? cpu.TotalMilliseconds / completed : double.NaN;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RUN designer config={config} hosts={hosts} c={c} rps={rps:F1} p50_ms={p50:F2} p95_ms={p95:F2} p99_ms={p99:F2} errors={errors} app_cpu_pct={cpuPct:F0} app_cpu_ms_per_run={cpuPerRun:F2} rss_mb={rssMb} completed_runs={completed}"));
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"c{c}:{rps:F1}rps,p50={p50:F2},p95={p95:F2},p99={p99:F2}ms,err={errors},cpu={cpuPct:F0}%"));
            }

            Console.WriteLine($"SUMMARY designer config={config} hosts={hosts} MaxConcurrentRuns={maxConcurrentRuns} {string.Join(' ', parts)}");
        }
        finally
        {
            foreach (var (process, _) in apps)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }

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

    // SQLite by default; DESIGNER_BENCH_POSTGRES (a server connection string) runs on a fresh PostgreSQL database, and
    // more than one host needs it plus DESIGNER_BENCH_REDIS for Redis membership (hosts on Localhost membership
    // would each see the other as dead).
    private static Dictionary<string, string> StorageSettings(int hosts, out string config)
    {
        var postgres = Environment.GetEnvironmentVariable("DESIGNER_BENCH_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("DESIGNER_BENCH_REDIS");
        if (string.IsNullOrEmpty(postgres))
        {
            config = "sqlite";
            return hosts == 1 ? [] : throw new InvalidOperationException("Two hosts need DESIGNER_BENCH_POSTGRES and DESIGNER_BENCH_REDIS.");
        }

        config = "postgres";
        var database = "designer_bench_" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["Designer__Storage__Provider"] = "PostgreSQL",
            ["Designer__Storage__ConnectionString"] = $"{postgres.TrimEnd(';')};Database={database}",
        };
        if (hosts > 1)
        {
            settings["Designer__Cluster__Membership"] = string.IsNullOrEmpty(redis)
                ? throw new InvalidOperationException("Two hosts need DESIGNER_BENCH_REDIS (Redis membership).")
                : "Redis";
            settings["Designer__Cluster__RedisConnectionString"] = redis;
            settings["Designer__Cluster__ClusterId"] = database;
        }

        return settings;
    }

    private static async Task<string> CreateKeyAsync(HttpClient client, Guid workflowId)
    {
        using var response = await client.PostAsJsonAsync($"/api/workflows/{workflowId}/api-keys", new { name = "bench" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    private static async Task<string> SampleAsync(string url, string key)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{"id":"probe","amount":6000,"currency":"EUR"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)?["output"]?.ToJsonString() ?? body;
    }

    private static async Task<long> CompletedAsync(HttpClient client, Guid workflowId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/runs?workflowId={workflowId}&status=completed&pageSize=1");
        return page!["total"]!.GetValue<long>();
    }

    // run.sh's Lua generator (varying amounts so both branches run), plus the API key; it prints a "WRK ..." line.
    private static string WriteLua(string data, string key)
    {
        var path = Path.Combine(data, "post.lua");
        File.WriteAllText(path, $$"""
            local counter = 0
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["X-Api-Key"] = "{{key}}"
            request = function()
              counter = counter + 1
              local amount = (counter * 997) % 10000
              return wrk.format(nil, nil, nil,
                string.format('{"id":"tx-%d","amount":%d,"currency":"EUR"}', counter, amount))
            end
            done = function(s, lat, req)
              local e = s.errors
              io.write(string.format("WRK requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d connect=%d read=%d write=%d timeout=%d http_ge400=%d\n",
                s.requests, s.requests / (s.duration / 1e6),
                lat:percentile(50) / 1000, lat:percentile(95) / 1000, lat:percentile(99) / 1000, lat.max / 1000,
                e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
            end
            """);
        return path;
    }

    private static async Task<string> WrkAsync(string lua, string url, int connections, int seconds, bool latency)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", lua })
        {
            info.ArgumentList.Add(arg);
        }

        if (latency)
        {
            info.ArgumentList.Add("--latency");
        }

        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal));
        return line is null ? throw new InvalidOperationException("wrk printed no result:\n" + output) : line[4..].Trim();
    }

    private static Dictionary<string, string> Fields(string wrk) =>
        wrk.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
