using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Web.Triggers;

namespace Designer.Web.Notifications;

/// <summary>
/// The body and headers of one delivery (issue 16). The body names the run (or, for <c>rollout.rolled_back</c>, the
/// rollout, its versions and the breached guard) but never carries a run's input or output (personal data): receivers fetch what they may see through the API. Signed like an incoming webhook
/// (<see cref="WebhookSignature"/>): <c>sha256=</c> hex HMAC of <c>timestamp + "." + body</c>.
/// </summary>
internal static class NotificationPayload
{
    public const string EventHeader = "X-Designer-Event";
    public const string EventIdHeader = "X-Designer-Event-Id";

    /// <summary>The JSON body; the same for every attempt of the event.</summary>
    public static string Body(NotificationRecord notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Data is { } data)
        {
            // An event that is not about a run (rollout.rolled_back): its stored fields after the common envelope.
            var envelope = Envelope(notification);
            foreach (var (name, value) in JsonNode.Parse(data)!.AsObject().ToList())
            {
                envelope[name] = value?.DeepClone();
            }

            return envelope.ToJsonString();
        }

        var run = new JsonObject
        {
            ["id"] = notification.RunId.ToString("D"),
            ["workflowId"] = notification.WorkflowId.ToString("D"),
            ["version"] = notification.VersionNumber,
            ["status"] = JsonNamingPolicy.CamelCase.ConvertName(notification.RunStatus.ToString()),
            ["endNode"] = notification.EndNode,
        };
        if (notification.RunError is not null)
        {
            // Stored as the run keeps it: sensitive values are vault tokens, shown to a receiver as masks like in the API.
            run["error"] = Persistence.RunVaultTokens.ToMasks(notification.RunError);
        }

        var body = Envelope(notification);
        body["run"] = run;
        return body.ToJsonString();
    }

    private static JsonObject Envelope(NotificationRecord notification) => new()
    {
        ["id"] = notification.EventId.ToString("D"),
        ["type"] = notification.EventType,
        ["occurredAt"] = notification.OccurredAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The signed POST of <paramref name="body"/> to <paramref name="url"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static HttpRequestMessage Request(NotificationRecord notification, Uri url, string secret, string body, long timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(EventHeader, notification.EventType);
        request.Headers.Add(EventIdHeader, notification.EventId.ToString("D"));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        return request;
    }
}
