using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Chat;
using Polly.Timeout;

namespace Designer.Inference.ChatModels;

/// <summary>
/// The Semantic Kernel connectors over one shared, resilient <see cref="HttpClient"/>. The OpenAI SDK's own retry
/// policy is switched off (<see cref="ClientRetryPolicy"/> with 0 retries), so the resilience handler is the only
/// retry layer and its <c>Retry-After</c> handling is not multiplied by a second one. One non-streaming completion per
/// call: the node validates a whole reply against its schema, so it never asks for a stream, and a provider that
/// streams anyway is refused by <see cref="StreamedReplyGuardHandler"/> with a clear error.
/// </summary>
public sealed class SemanticKernelChatGateway : IChatModelGateway
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client carrying the resilience pipeline.</summary>
    public const string HttpClientName = "designer-chat-models";

    private readonly IHttpClientFactory _httpClients;
    private readonly ChatModelOptions _options;

    /// <summary>Creates the gateway.</summary>
    /// <param name="httpClients">Factory with <see cref="HttpClientName"/> registered.</param>
    /// <param name="options">Admin settings (allowed endpoints, secrets).</param>
    public SemanticKernelChatGateway(IHttpClientFactory httpClients, ChatModelOptions options)
    {
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public async Task<ChatReply> CompleteAsync(ChatModelVersion version, IReadOnlyList<ChatTurn> turns, ChatCallSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(settings);

        // Re-checked per call: an admin who removes an endpoint from the allow-list stops its use at once.
        if (!ChatModelRules.IsAllowedEndpoint(version.Endpoint, _options))
        {
            throw new ChatModelCallException(ChatFailureKind.NotConfigured, $"the endpoint of {version.Reference} is not allowed by configuration");
        }

        string? key = null;
        if (version.ApiKeySecret is { } secret && (!_options.Secrets.TryGetValue(secret, out key) || string.IsNullOrWhiteSpace(key)))
        {
            throw new ChatModelCallException(ChatFailureKind.NotConfigured, $"secret '{secret}' of {version.Reference} is not configured");
        }

        var service = CreateService(version, key);
        var history = new ChatHistory();
        foreach (var turn in turns)
        {
            history.AddMessage(turn.Role switch { "system" => AuthorRole.System, "assistant" => AuthorRole.Assistant, _ => AuthorRole.User }, turn.Text);
        }

        var execution = new OpenAIPromptExecutionSettings
        {
            Temperature = settings.Temperature ?? version.Temperature,
            MaxTokens = settings.MaxOutputTokens ?? version.MaxOutputTokens,
            Logprobs = settings.Logprobs ? true : null,
        };
        if (settings.JsonSchema is { } schema && version.SupportsJsonSchema)
        {
            execution.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("output", BinaryData.FromString(schema), jsonSchemaIsStrict: false);
        }

        Microsoft.SemanticKernel.ChatMessageContent result;
        try
        {
            result = await service.GetChatMessageContentAsync(history, execution, kernel: null, cancellationToken);
        }
        catch (HttpOperationException ex)
        {
            throw Classify(ex.StatusCode, version, ex);
        }
        catch (ClientResultException ex)
        {
            throw Classify(ex.Status == 0 ? null : (HttpStatusCode)ex.Status, version, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ChatModelCallException(ChatFailureKind.Unavailable, $"{version.Reference} timed out on every attempt", ex);
        }
        catch (ChatModelCallException)
        {
            throw;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new ChatModelCallException(ChatFailureKind.BadReply, $"{version.Reference} answered something that is not a chat completion", ex);
        }
        catch (Exception ex) when (ex.InnerException is ChatModelCallException inner)
        {
            throw new ChatModelCallException(inner.Kind, inner.Message, ex);
        }

        var usage = result.Metadata?.TryGetValue("Usage", out var u) == true ? u as ChatTokenUsage : null;
        var finish = result.Metadata?.TryGetValue("FinishReason", out var f) == true ? f?.ToString() : null;
        return new ChatReply
        {
            Text = result.Content ?? string.Empty,
            InputTokens = usage?.InputTokenCount,
            OutputTokens = usage?.OutputTokenCount,
            FinishReason = finish,
            TokenProbability = TokenProbability(result),
        };
    }

    private static double? TokenProbability(Microsoft.SemanticKernel.ChatMessageContent result)
    {
        if (result.Metadata?.TryGetValue("ContentTokenLogProbabilities", out var value) != true
            || value is not IReadOnlyList<ChatTokenLogProbabilityDetails> { Count: > 0 } tokens)
        {
            return null;
        }

        return Math.Exp(tokens.Average(t => (double)t.LogProbability));
    }

    private IChatCompletionService CreateService(ChatModelVersion version, string? key)
    {
        var http = _httpClients.CreateClient(HttpClientName);
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(key) ? "unused" : key);
        var endpoint = new Uri(version.Endpoint);
        if (version.Provider == ChatProviderKinds.AzureOpenAi)
        {
            var azureOptions = new AzureOpenAIClientOptions();
            Configure(azureOptions, http);
            return new AzureOpenAIChatCompletionService(version.ModelName, new AzureOpenAIClient(endpoint, credential, azureOptions));
        }

        var options = new OpenAIClientOptions { Endpoint = endpoint };
        Configure(options, http);
        return new OpenAIChatCompletionService(version.ModelName, new OpenAIClient(credential, options));
    }

    private static void Configure(ClientPipelineOptions options, HttpClient http)
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);

        // The node's SLO and the resilience handler's per-attempt timeout bound the call; the SDK's 100 s default must not cut in first.
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
    }

    private static ChatModelCallException Classify(HttpStatusCode? status, ChatModelVersion version, Exception ex)
    {
        if (ex.InnerException is ChatModelCallException inner)
        {
            return new ChatModelCallException(inner.Kind, inner.Message, ex);
        }

        var code = status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
        return status is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500
            ? new ChatModelCallException(ChatFailureKind.Unavailable, $"{version.Reference} unavailable ({code}) after retries", ex)
            : new ChatModelCallException(ChatFailureKind.Rejected, $"{version.Reference} refused the request ({code})", ex);
    }
}
