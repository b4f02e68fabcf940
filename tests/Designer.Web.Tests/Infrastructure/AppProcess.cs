using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>
/// The built web app as a separate <c>dotnet</c> process (not in-process like <see cref="DesignerWebFactory"/>), so
/// a test can kill it with SIGKILL — no graceful shutdown, no drain, no finally blocks.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new(CultureInfo.InvariantCulture);

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the app on <paramref name="dataDirectory"/> and waits until /health answers.</summary>
    /// <param name="dataDirectory">Data directory (SQLite file, keys); reuse it to restart on the same data.</param>
    /// <param name="settings">More configuration (key with ':' separators).</param>
    /// <returns>The running app.</returns>
    public static async Task<AppProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var appDirectory = AppContext.BaseDirectory;
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(appDirectory, "Designer.Web.dll")])
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Designer:DataDirectory"] = dataDirectory,
            ["Designer:Demo:Seed"] = "true",
            ["Designer:Demo:Password"] = DesignerWebFactory.Password,
            ["Designer:Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Designer:Cluster:ClusterId"] = "proc-" + Guid.NewGuid().ToString("N"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Designer:Inference:BootstrapPretrainedModels"] = "false",
            ["Designer:Retrieval:DefaultEmbeddingModel"] = "designer-lsa",
            ["Designer:Security:RateLimits:LoginPerMinute"] = "100000",
            ["Designer:Security:RateLimits:RunStartPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    /// <returns>A task.</returns>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            // Process.Kill sends SIGKILL on Unix.
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>A client with a bearer token of the seeded demo user for <paramref name="role"/>.</summary>
    /// <param name="role">author, approver, operator, viewer or admin.</param>
    /// <returns>The client.</returns>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = DesignerWebFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Log}");
            }

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
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new TimeoutException($"The app did not become healthy within {limit}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
}
