using System.Net;
using Designer.Inference.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.InferenceHost.Tests;

/// <summary>A full queue answers 503 with Retry-After at once; a stuck request answers 504.</summary>
public sealed class BackPressureTests
{
    [Fact]
    public async Task Predict_QueueFull_Returns503WithRetryAfterAndStuckRequestReturns504()
    {
        // Arrange: capacity 1, the executor blocked on the first request, a second one waiting in the queue. The
        // timeout must outlast the third request's trip: were the queued one to time out first, its slot would free
        // and the third would be queued instead of refused (it flaked at 300 ms on a loaded machine).
        await using var blocking = new BlockingInferenceClient(TimeSpan.FromSeconds(3));
        await using var factory = new HostFactory(services: s => s.AddSingleton<IInferenceClient>(blocking));
        var client = factory.CreateClient();
        var body = $"{{ \"rows\": [{HttpExtensions.RiskRow}] }}";
        var running = client.PostJsonAsync("/v1/models/dispute-risk/predict", body);
        Assert.True(blocking.Executor.Entered.Wait(TimeSpan.FromSeconds(10)));
        var queued = client.PostJsonAsync("/v1/models/dispute-risk/predict", body);
        await blocking.WaitUntilSaturatedAsync();

        // Act
        var refused = await client.PostJsonAsync("/v1/models/dispute-risk/predict", body);
        var stuck = await running;

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.GatewayTimeout, stuck.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await queued).StatusCode);
    }
}
