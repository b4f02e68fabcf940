using System.Runtime.CompilerServices;

namespace Designer.Runtime.Actions;

/// <summary>Sits inside the retry handler, so it sees every attempt of one request and counts them for the trace.</summary>
internal sealed class ActionAttemptCounter : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Key = new("designer.action.attempts");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Key, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
