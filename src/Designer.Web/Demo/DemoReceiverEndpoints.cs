using System.Security.Cryptography;
using System.Text;
using Designer.Runtime.Actions;
using Designer.Web.Api;

namespace Designer.Web.Demo;

/// <summary>
/// The Development demo receiver (issue 16), mapped only when <see cref="DemoReceiverServices"/> registered it:
/// <c>POST /demo/receiver/refunds</c> issues a refund and <c>DELETE /demo/receiver/refunds/{refundId}</c> reverses one
/// (the refund action's compensation). Callers are machines, not users: they present the connection's key in
/// <see cref="KeyHeader"/> (the app's own <c>demo-refunds</c> connection adds it), never a user's sign-in.
/// </summary>
internal static class DemoReceiverEndpoints
{
    /// <summary>The header carrying the receiver's key.</summary>
    public const string KeyHeader = "X-Demo-Receiver-Key";

    /// <summary>The path prefix of the receiver and its page.</summary>
    public const string PathPrefix = "/demo/receiver";

    public static IEndpointRouteBuilder MapDemoReceiverEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DemoReceiver>() is null)
        {
            return app;
        }

        var group = app.MapGroup(PathPrefix + "/refunds").WithTags("Demo").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/", RefundAsync);
        group.MapDelete("/{refundId}", ReverseAsync);
        return app;
    }

    private static async Task<IResult> RefundAsync(DemoReceiver receiver, DemoReceiverKey key, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!Authorised(request, key))
        {
            return Unauthorised();
        }

        // The body stays text: the receiver shows each call's body as it was sent, whatever it is.
        if (await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ApiResults.TooLarge();
        }

        var call = receiver.Refund(request.Path, IdempotencyKey(request), body);
        return Reply(response, call, "issued");
    }

    private static async Task<IResult> ReverseAsync(
        DemoReceiver receiver, DemoReceiverKey key, HttpRequest request, HttpResponse response, string refundId, CancellationToken cancellationToken)
    {
        if (!Authorised(request, key))
        {
            return Unauthorised();
        }

        // The body stays text: the receiver shows each call's body as it was sent, whatever it is.
        if (await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ApiResults.TooLarge();
        }

        var call = receiver.Reverse(request.Path, refundId, IdempotencyKey(request), body);
        return call.Status == StatusCodes.Status404NotFound
            ? TypedResults.Problem($"No refund '{refundId}' to reverse.", statusCode: StatusCodes.Status404NotFound, title: "Unknown refund")
            : Reply(response, call, "reversed");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<RefundReply> Reply(HttpResponse response, DemoReceiverCall call, string state)
    {
        if (call.Replayed)
        {
            // As payments APIs do: the first result again, marked, and no second effect.
            response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Json(new RefundReply(call.RefundId, state, call.Replayed), statusCode: call.Status);
    }

    private static string? IdempotencyKey(HttpRequest request) =>
        request.Headers[ActionServices.IdempotencyHeader].ToString() is { Length: > 0 } key ? key : null;

    private static bool Authorised(HttpRequest request, DemoReceiverKey key)
    {
        var presented = Encoding.UTF8.GetBytes(request.Headers[KeyHeader].ToString());
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key.Value));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorised() => TypedResults.Problem(
        $"Send the demo receiver's key in '{KeyHeader}' (the demo-refunds connection does).", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    /// <summary>What the receiver answers for a refund or its reversal.</summary>
    /// <param name="Id">The refund's id, so a reversal can name it; null for a reversal.</param>
    /// <param name="State">refunded or reversed.</param>
    /// <param name="Replayed">Whether this repeats an earlier call with the same key.</param>
    private sealed record RefundReply(string? Id, string State, bool Replayed);
}
