namespace Designer.Inference.ChatModels;

/// <summary>
/// The chat node's contract is one non-streaming completion (its schema check needs the whole reply). A provider or
/// proxy that answers with server-sent events anyway gets a clear, non-retried error instead of a JSON parse failure.
/// </summary>
internal sealed class StreamedReplyGuardHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            throw new ChatModelCallException(ChatFailureKind.BadReply,
                "the provider streamed its reply (text/event-stream); the chat node asks for one non-streaming completion");
        }

        return response;
    }
}
