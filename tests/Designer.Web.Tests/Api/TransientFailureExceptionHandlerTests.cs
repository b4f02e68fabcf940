using System.Text.Json.Nodes;
using Designer.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Designer.Web.Tests.Api;

/// <summary>
/// A busy system answers 503, not 500: a grain call that ran out of time (the 200-decision burst on two hosts) or a
/// database that refused a connection for a moment ("too many clients", seen when the whole suite shares one server).
/// </summary>
public sealed class TransientFailureExceptionHandlerTests
{
    [Fact]
    public void IsTransient_TimeoutOrTransientDatabaseFailureWrapped_True()
    {
        // Arrange: EF's execution strategy wraps the provider's exception.
        var tooManyClients = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections));

        // Act + Assert
        Assert.True(TransientFailureExceptionHandler.IsTransient(new TimeoutException("Response did not arrive on time")));
        Assert.True(TransientFailureExceptionHandler.IsTransient(tooManyClients));
    }

    [Fact]
    public void IsTransient_CallerOrProgramError_False()
    {
        // Arrange
        var uniqueViolation = new InvalidOperationException("wrapped",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));

        // Act + Assert
        Assert.False(TransientFailureExceptionHandler.IsTransient(uniqueViolation));
        Assert.False(TransientFailureExceptionHandler.IsTransient(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task TryHandleAsync_GrainTimeout_Writes503ProblemThatSaysItMayStillTakeEffect()
    {
        // Arrange
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new TransientFailureExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), NullLogger<TransientFailureExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        // Act
        var handled = await handler.TryHandleAsync(context, new TimeoutException("Response did not arrive on time"), CancellationToken.None);

        // Assert
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
        context.Response.Body.Position = 0;
        var problem = (await JsonNode.ParseAsync(context.Response.Body))!.AsObject();
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Contains("it may still take effect", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
