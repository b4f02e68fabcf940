namespace Designer.Inference.ChatModels;

/// <summary>
/// Refuses replies above a byte limit before the OpenAI SDK buffers and parses them, so a provider answering 5 MB of
/// anything costs at most the limit in memory. Sits inside the retry handler and throws a non-transient exception,
/// so an oversized reply is not retried.
/// </summary>
internal sealed class ResponseSizeLimitHandler(int maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw TooLarge();
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    response.Dispose();
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }

            var headers = response.Content.Headers.ToList();
            var content = new ByteArrayContent(buffer.ToArray());
            foreach (var (name, values) in headers)
            {
                content.Headers.TryAddWithoutValidation(name, values);
            }

            content.Headers.ContentLength = buffer.Length;
            response.Content = content;
            return response;
        }
    }

    private ChatModelCallException TooLarge() =>
        new(ChatFailureKind.BadReply, $"the provider's reply is larger than {maxBytes} bytes (Designer:ChatModels:MaxResponseBytes)");
}
